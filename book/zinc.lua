--[[ book/zinc.lua: the Pandoc filter that makes the book out of the sources.

It runs in three modes, chosen by the metadata field `zinc-mode`:

expand   (one run per page) replaces every include block of a chapter.md,

             ::: {include="src/kernel/timer.c"}
             :::
             ::: {include="src/kernel/timer.c" region="insert"}
             :::
             ::: {include="tests/handle_test.c" test="closed_handle_value_stays_dead"}
             :::

         with the file (or the named region of it, or the named tests or functions of it): each
         `/*: ... */` comment becomes Markdown prose, and the code between comments becomes a
         listing headed by its path and first line, with numbered lines. An include marked `.suite`
         (a tests appendix) also gets the summary of its tests that the PDF prints instead of its
         code, and so does one marked `.summary` (another machine's code, or code off the reading
         path), of which the PDF prints only the functions or tests named in `print=`, and a lab's
         code:

             ::: {include="src/syscall/channel_sys.c" .summary print="sys_channel_write"}
             :::

         It checks that every
         figure exists, and writes the page's anchors (headings and listings) to the file named by
         `zinc-anchors`, one `page<TAB>id<TAB>level<TAB>title` a line.
link     (one run per HTML page) turns cross-references into links to the right page:
         `[text](#id)` to a heading or listing anywhere in the book, `[text](src/kernel/timer.c)` to
         the listing of that file. A `::: toc` block becomes the book's table of contents.
single   (one run for the EPUB and the PDF) reads every page's expanded form (`zinc-pages`) into one
         document, and checks its cross-references as `link` does. With `zinc-print=1` (the PDF),
         suite and summary files show their summaries (and their excerpts), not their code.

Anything that does not resolve (a missing file, region or figure, a cross-reference to nothing)
stops the build with a message that names the page and what is missing: the book cannot drift from
the code.
]]

local mode = nil        -- "expand", "link" or "single"
local page = nil        -- the page being built, e.g. "ch01-hal"
local srcdir = nil      -- the directory its include paths are relative to, e.g. "ch01-hal"
local top = "."         -- the repository, where pandoc runs
local anchors_path = nil  -- expand: where the page's anchors go
local errors = {}

local function fail(msg)
  table.insert(errors, (page or "book") .. ": " .. msg)
end

local function stop_on_errors()
  if #errors > 0 then
    io.stderr:write("book: " .. table.concat(errors, "\nbook: ") .. "\n")
    os.exit(1)
  end
end

local function meta_string(meta, key)
  local v = meta[key]
  if v == nil then return nil end
  return pandoc.utils.stringify(v)
end

local function read_file(path)
  local f = io.open(path, "r")
  if not f then return nil end
  local text = f:read("a")
  f:close()
  return text
end

-- "ch01-hal/../tools/x.sh" -> "tools/x.sh": paths as the reader finds them from the top of the
-- repository.
local function clean_path(path)
  local parts = {}
  for part in path:gmatch("[^/]+") do
    if part == ".." and #parts > 0 and parts[#parts] ~= ".." then
      table.remove(parts)
    elseif part ~= "." then
      table.insert(parts, part)
    end
  end
  return table.concat(parts, "/")
end

-- An id for the listing of a whole file: "ch01-hal/src/kernel/timer.c" ->
-- "file-ch01-hal-src-kernel-timer.c".
local function file_id(path)
  return "file-" .. path:gsub("/", "-")
end

local languages = { c = "c", h = "c", S = "gnuassembler", s = "gnuassembler", ld = "c",
                    mk = "makefile", sh = "bash", lua = "lua", md = "markdown" }

local function language_of(path)
  local ext = path:match("%.([%w]+)$")
  return languages[ext or ""] or ""
end

----------------------------------------------------------------------------------------------------
-- expand: sources to prose and listings

-- Headings of prose in a source file start at level 1; shift them below the heading the include
-- sits under.
local function shift_headers(blocks, by)
  return pandoc.walk_block(pandoc.Div(blocks), {
    Header = function(h)
      h.level = math.min(h.level + by, 6)
      return h
    end,
  }).content
end

local function prose_blocks(text, shift)
  return shift_headers(pandoc.read(text, "markdown").blocks, shift)
end

-- A listing: the code of lines first..first+#lines-1 of path, under a head that names them.
local function listing(path, first, lines, lab, id)
  lines = table.move(lines, 1, #lines, 1, {}) -- trimmed below: the caller's table stays whole
  while #lines > 0 and lines[1]:match("^%s*$") do
    table.remove(lines, 1)
    first = first + 1
  end
  while #lines > 0 and lines[#lines]:match("^%s*$") do
    table.remove(lines)
  end
  if #lines == 0 then return nil end
  local last = first + #lines - 1
  local where = first == last and ("line " .. first) or ("lines " .. first .. "–" .. last)
  local head = { pandoc.Code(path), pandoc.Str(", " .. where) }
  if lab then
    table.insert(head, pandoc.Str(" · "))
    table.insert(head, pandoc.Link({ pandoc.Str("lab " .. lab) }, "#lab-" .. lab))
  end
  local code = pandoc.CodeBlock(table.concat(lines, "\n"),
    pandoc.Attr("", { language_of(path), "numberLines" }, { { "startFrom", tostring(first) } }))
  local classes = lab and { "listing", "lab" } or { "listing" }
  -- Lines wider than the 100 columns a printed page holds: the PDF prints this listing smaller.
  local cols = 0
  for _, l in ipairs(lines) do cols = math.max(cols, utf8.len((l:gsub("\t", "        "))) or #l) end
  local attrs = cols > 100 and { { "style", "--cols: " .. cols } } or {}
  local head_div = pandoc.Div({ pandoc.Plain(head) }, pandoc.Attr("", { "listing-head" }))
  return pandoc.Div({ head_div, code },
    pandoc.Attr(id or "", classes, attrs))
end

-- The name of the test (or benchmark) that a line opens, as the test runners report it:
-- `KTEST(name)` and `KBENCH(name)` are `name`, zxtest's `TEST(Group, Case)` is `Group.Case`; nil if
-- the line opens none.
local function test_name(line)
  local n = line:match("^KTEST%(([%w_]+)%)") or line:match("^KBENCH%(([%w_]+)%)")
  if n then return n end
  local g, c = line:match("^TEST%(([%w_]+),%s*([%w_]+)%)")
  return g and (g .. "." .. c) or nil
end

-- Does line open the definition of the function `name` (at the start of the line, not a
-- declaration)?
local function defines(line, name)
  local at = line:find(name .. "(", 1, true)
  return at and at > 1 and line:match("^[%a_]") and not line:match(";%s*$") and
    line:sub(at - 1, at - 1):match("[%s%*]") ~= nil
end

-- Which lines are inside a block comment that began on an earlier line (a lab's marker holds its
-- stub, which may define the same function as the code after it).
local function commented_lines(lines)
  local inside, open = {}, false
  for i, line in ipairs(lines) do
    inside[i] = open
    local last_open, last_close = nil, nil
    for at in line:gmatch("()/%*") do last_open = at end
    for at in line:gmatch("()%*/") do last_close = at end
    if last_open and (not last_close or last_close < last_open) then
      open = true
    elseif last_close then
      open = false
    end
  end
  return inside
end

-- Lines from..to of one test (`kind` "test") or function ("function"): from the comment right above
-- its first line, if there is one, to the first `}` at the start of a line.
local function part_lines(lines, kind, name)
  local commented = commented_lines(lines)
  for i, line in ipairs(lines) do
    if not commented[i] and ((kind == "test" and test_name(line) == name)
        or (kind == "function" and defines(line, name))) then
      local from = i
      if i > 1 and lines[i - 1]:match("%*/%s*$") then
        from = i - 1
        while from > 1 and not lines[from]:match("^%s*/%*") do from = from - 1 end
      end
      for j = i + 1, #lines do
        if lines[j]:match("^}%s*$") then return from, j end
      end
    end
  end
  return nil
end

-- Is this include printed as a summary in the PDF? A test suite (`.suite`) is, and so is any other
-- file marked `.summary`: the code of a machine the chapter's reading path does not follow, or code
-- beside it (argument checking, information records) of which the PDF prints only the parts named
-- in `print=` (and a lab's code, always).
local function printed_as_summary(b)
  return b.classes:includes("suite") or b.classes:includes("summary")
end

-- "`a`", "`a` and `b`", "`a`, `b` and `c`", as inlines.
local function names_list(names)
  local out = {}
  for k, name in ipairs(names) do
    if k > 1 then
      table.insert(out, pandoc.Str(k == #names and " and " or ", "))
    end
    table.insert(out, pandoc.Code(name))
  end
  return out
end

-- A suite or summary file in the PDF: its size, what of it is printed (`printed`: the names of its
-- excerpts, `has_lab`: whether it holds a lab's code), and the tests it holds, one a line, with
-- where each begins (see `.suite` below).
local function suite_summary(path, lines, printed, has_lab)
  local items = {}
  for i, line in ipairs(lines) do
    local name = test_name(line)
    if name then
      table.insert(items, { pandoc.Plain({ pandoc.Code(name), pandoc.Str(", line " .. i) }) })
    end
  end
  local note = { pandoc.Code(path), pandoc.Str(", " .. #lines .. " lines" ..
    (#items > 0 and (", " .. #items .. (#items == 1 and " test" or " tests")) or "")) }
  if #printed > 0 or has_lab then
    table.insert(note, pandoc.Str(", of which this edition prints "))
    if #printed > 0 then
      for _, x in ipairs(names_list(printed)) do table.insert(note, x) end
      if has_lab then table.insert(note, pandoc.Str(" and")) end
    end
    if has_lab then table.insert(note, pandoc.Str(" the lab's yellow code")) end
    table.insert(note, pandoc.Str(": the whole code is in the HTML edition of the book, and in " ..
      "the file."))
  else
    table.insert(note, pandoc.Str(": the code is in the HTML edition of the book, and in the " ..
      "file."))
  end
  note = pandoc.Para(note)
  local blocks = { note }
  if #items > 0 then table.insert(blocks, pandoc.BulletList(items)) end
  return pandoc.Div(blocks, pandoc.Attr("", { "suite-summary" }))
end

-- The blocks for one include of path (relative to the repository): the whole file, its region
-- `opts.region`, or the tests and functions named (space-separated) in `opts.test` and
-- `opts["function"]`, a listing each. With `opts.suite`, a whole file also gets the summary that
-- the PDF prints instead of its listings; and with `opts.print` (names of functions or tests), the
-- listings of those parts that the PDF prints with it (`.excerpt`, which the HTML leaves out).
local function include(path, opts, shift)
  local region = opts.region
  local text = read_file(top .. "/" .. path)
  if not text then
    fail("includes " .. path .. ", which does not exist")
    return {}
  end
  if path:match("%.md$") then
    if region or opts.test or opts["function"] then
      fail("includes a part of " .. path .. ", but Markdown files are included whole")
    end
    return prose_blocks(text, shift)
  end
  local lines = {}
  for line in (text .. (text:sub(-1) == "\n" and "" or "\n")):gmatch("([^\n]*)\n") do
    table.insert(lines, line)
  end
  if opts.test or opts["function"] then
    local out = {}
    for _, kind in ipairs({ "function", "test" }) do
      for name in (opts[kind] or ""):gmatch("%S+") do
        local from, to = part_lines(lines, kind, name)
        if not from then
          fail("includes the " .. kind .. " '" .. name .. "' of " .. path .. ", which has no such "
               .. kind)
        else
          local code = {}
          for i = from, to do table.insert(code, lines[i]) end
          table.insert(out, listing(path, from, code, nil, nil))
        end
      end
    end
    return out
  end
  local from, to = 1, #lines
  if region then
    from, to = nil, nil
    for i, line in ipairs(lines) do
      if not from and line:match("^%s*//: region " .. region:gsub("%-", "%%-") .. "%s*$") then
        from = i + 1
      elseif from and not to and line:match("^%s*//: end%s*$") then
        to = i - 1
      end
    end
    if not from or not to then
      fail("includes region '" .. region .. "' of " .. path .. ", which " ..
        (from and "has no '//: end'" or "has no line '//: region " .. region .. "'"))
      return {}
    end
  end

  -- The parts that the PDF prints of a summarised file: their ranges of lines.
  local printed, ranges = {}, {}
  for name in (opts.print or ""):gmatch("%S+") do
    local a, b = part_lines(lines, "function", name)
    if not a then a, b = part_lines(lines, "test", name) end
    if not a then
      fail("prints the part '" .. name .. "' of " .. path .. ", which has no such function or test")
    else
      table.insert(printed, name)
      table.insert(ranges, { a, b })
    end
  end

  local out = {}
  local code, code_first, lab = {}, nil, nil
  local has_lab = false
  local first_listing = not region
  -- The excerpts of one listing (lines first.. of code): its lines that fall in a printed part, a
  -- listing for each run of them. A lab's listing is printed whole anyway, so it has none.
  local function excerpts(first)
    if lab then return end
    for _, r in ipairs(ranges) do
      local a, b = math.max(r[1], first), math.min(r[2], first + #code - 1)
      if a <= b then
        local part = {}
        for k = a, b do table.insert(part, code[k - first + 1]) end
        local l = listing(path, a, part, nil, nil)
        if l then
          l.classes:insert("excerpt")
          table.insert(out, l)
        end
      end
    end
  end
  local function flush()
    if code_first then
      local id = first_listing and file_id(path) or nil
      local l = listing(path, code_first, code, lab, id)
      if l then
        table.insert(out, l)
        first_listing = false
        has_lab = has_lab or lab ~= nil
        excerpts(code_first)
      end
    end
    code, code_first = {}, nil
  end

  local i = from
  while i <= to do
    local line = lines[i]
    if line:match("^%s*/%*:") then
      -- Prose: up to the line that closes the comment.
      flush()
      local prose = {}
      local j = i
      while true do
        local l = lines[j]
        if j == i then l = l:gsub("^%s*/%*:%s?", "") end
        local closed = l:find("%*/%s*$")
        if closed then l = l:sub(1, closed - 1) end
        table.insert(prose, l)
        if closed or j >= to then break end
        j = j + 1
      end
      for _, b in ipairs(prose_blocks(table.concat(prose, "\n"), shift)) do table.insert(out, b) end
      i = j + 1
    elseif line:match("^%s*//: region ") or line:match("^%s*//: end%s*$") then
      flush()
      i = i + 1
    elseif line:match("^%s*/%* LAB [%w%-]+ BEGIN") then
      -- A lab's reference solution: hide the marker comment (it holds the stub), mark the code.
      flush()
      lab = line:match("LAB ([%w%-]+) BEGIN")
      while not lines[i]:find("%*/") and i < to do i = i + 1 end
      i = i + 1
    elseif line:match("^%s*/%* LAB END %*/%s*$") then
      flush()
      lab = nil
      i = i + 1
    else
      if not code_first then code_first = i end
      table.insert(code, line)
      i = i + 1
    end
  end
  flush()
  if opts.suite and not region then
    -- After the file's opening prose, before its first listing.
    local at = #out + 1
    for k, b in ipairs(out) do
      if b.t == "Div" and b.classes:includes("listing") then at = k; break end
    end
    table.insert(out, at, suite_summary(path, lines, printed, has_lab))
  end
  return out
end

-- What a later chapter's file changes in the earlier chapter's file it replaces: `diff -u` of the
-- two, as a listing of its own. The two must be different files of the same name.
local function replacement_diff(old, new)
  if not read_file(top .. "/" .. old) then
    fail("says " .. new .. " replaces " .. old .. ", which does not exist")
    return {}
  end
  if old:match("[^/]*$") ~= new:match("[^/]*$") then
    fail("says " .. new .. " replaces " .. old .. ", a file of another name")
    return {}
  end
  local pipe = io.popen("diff -u --label '" .. old .. "' --label '" .. new .. "' '" .. top .. "/" ..
    old .. "' '" .. top .. "/" .. new .. "'")
  local text = pipe:read("a")
  pipe:close()
  local cols = 0
  for l in text:gmatch("[^\n]*") do cols = math.max(cols, utf8.len(l) or #l) end
  local head = { pandoc.Str("What "), pandoc.Code(new), pandoc.Str(" changes in "),
                 pandoc.Code(old) }
  local attrs = cols > 100 and { { "style", "--cols: " .. cols } } or {}
  return { pandoc.Div({ pandoc.Div({ pandoc.Plain(head) }, pandoc.Attr("", { "listing-head" })),
      pandoc.CodeBlock(text:gsub("\n$", ""), pandoc.Attr("", { "diff" })) },
    pandoc.Attr("", { "listing", "replacement" }, attrs)) }
end

local function expand(doc)
  local blocks = {}
  local section = 1
  for _, b in ipairs(doc.blocks) do
    if b.t == "Header" then
      section = b.level
    end
    if b.t == "Para" and pandoc.utils.stringify(b):match("^:::") then
      -- a block whose closing ':::' is missing is no block: it would show as text
      fail("has a ':::' line that opens no block (is a closing ':::' missing?): "
        .. pandoc.utils.stringify(b):sub(1, 60))
    end
    if b.t == "Div" and b.attributes.include then
      local path = clean_path(srcdir .. "/" .. b.attributes.include)
      local got = {}
      if not b.classes:includes("changes") then -- .changes: only what it changes, below
        if b.attributes.print and not b.classes:includes("summary") then
          fail("prints parts of " .. path .. " (print=), but the include is not a .summary")
        end
        got = include(path, { region = b.attributes.region, test = b.attributes.test,
          ["function"] = b.attributes["function"], suite = printed_as_summary(b),
          print = b.attributes.print }, section)
      end
      if b.attributes.replaces then
        local old = clean_path(srcdir .. "/" .. b.attributes.replaces)
        for _, x in ipairs(replacement_diff(old, path)) do table.insert(got, x) end
      elseif b.classes:includes("changes") then
        fail("shows the changes of " .. path .. " but not what it replaces")
      end
      if b.identifier ~= "" or #b.classes > 0 then
        got = { pandoc.Div(got, pandoc.Attr(b.identifier, b.classes)) }
      end
      for _, x in ipairs(got) do table.insert(blocks, x) end
    else
      table.insert(blocks, b)
    end
  end
  doc.blocks = blocks

  -- Ids: unique within the page (prose of two files may share a heading); figures must exist.
  local seen = {}
  local anchors = {}
  doc = pandoc.walk_block(pandoc.Div(doc.blocks), {
    Header = function(h)
      local id = h.identifier ~= "" and h.identifier or "section"
      local n, unique = 1, id
      while seen[unique] do
        n = n + 1
        unique = id .. "-" .. n
      end
      seen[unique] = true
      h.identifier = unique
      table.insert(anchors, { unique, h.level, pandoc.utils.stringify(h.content) })
      return h
    end,
    Div = function(d)
      if d.identifier ~= "" then
        if seen[d.identifier] then
          fail("the id '" .. d.identifier .. "' is used twice (is a file included twice?)")
        end
        seen[d.identifier] = true
        table.insert(anchors, { d.identifier, 0, "" })
      end
    end,
    Image = function(img)
      if not img.src:match("^%a+:") and not read_file(top .. "/book/" .. img.src) then
        fail("shows the figure " .. img.src .. ", but book/" .. img.src .. " does not exist")
      end
    end,
  })
  local blocks_out = doc.content

  local anchors_file = io.open(anchors_path or "", "w")
  if not anchors_file then
    fail("cannot write the anchor list '" .. tostring(anchors_path) .. "' (set zinc-anchors)")
    return blocks_out
  end
  for _, a in ipairs(anchors) do
    anchors_file:write(page, "\t", a[1], "\t", a[2], "\t", a[3], "\n")
  end
  anchors_file:close()
  return blocks_out
end

----------------------------------------------------------------------------------------------------
-- link and single: cross-references

local index = {}        -- id -> list of pages that have it
local headings = {}     -- page -> list of {id, level, title}, in order
local page_order = {}   -- pages in reading order

local function load_index(path)
  local text = read_file(path)
  if not text then
    fail("cannot read the anchor index " .. path)
    return
  end
  for line in text:gmatch("[^\n]+") do
    local p, id, level, title = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
    if p then
      if not headings[p] then
        headings[p] = {}
        table.insert(page_order, p)
      end
      index[id] = index[id] or {}
      table.insert(index[id], p)
      if tonumber(level) > 0 then table.insert(headings[p], { id, tonumber(level), title }) end
    end
  end
end

-- In the single document every page's ids meet: one that several pages use gets its page's name in
-- front.
local function global_id(p, id)
  if index[id] and #index[id] > 1 then return p .. "-" .. id end
  return id
end

-- Where a link target points, as "page#id" (link mode) or "#id" (single mode); nil and an error if
-- nowhere.
local function resolve(target, text)
  local id
  if target:match("^#") then
    id = target:sub(2)
  elseif target:match("^%a[%w+.-]*:") or target:match("%.html$") or target:match("%.html#") then
    -- an outside address, or a page link written by hand (checked in the browser test)
    return target
  else
    -- A source file, relative to the page's directory or to the repository.
    local path = index[file_id(clean_path(target))] and clean_path(target)
                 or clean_path(srcdir .. "/" .. target)
    id = file_id(path)
    if not index[id] then
      fail("refers to " .. target .. " (\"" .. text .. "\"), " ..
        (read_file(top .. "/" .. path) and "which the book does not show"
         or "which does not exist"))
      return nil
    end
  end
  local pages = index[id]
  if not pages then
    fail("refers to #" .. id .. " (\"" .. text .. "\"), which no page defines")
    return nil
  end
  if mode == "single" then
    for _, p in ipairs(pages) do
      if p == page then return "#" .. global_id(p, id) end
    end
    if #pages == 1 then return "#" .. global_id(pages[1], id) end
  end
  for _, p in ipairs(pages) do
    if p == page then return "#" .. id end
  end
  if #pages > 1 then
    fail("refers to #" .. id .. ", which several pages define: " .. table.concat(pages, ", "))
    return nil
  end
  return pages[1] .. ".html#" .. id
end

local function title_of(p)
  for _, h in ipairs(headings[p] or {}) do
    if h[2] == 1 then return h[3] end
  end
  return p
end

-- The table of contents: every page, with its sections (level 2) under it.
local function toc()
  local items = {}
  for _, p in ipairs(page_order) do
    if p ~= "index" then
      local sub = {}
      for _, h in ipairs(headings[p]) do
        if h[2] == 2 then
          local link = pandoc.Link({ pandoc.Str(h[3]) }, p .. ".html#" .. h[1])
          table.insert(sub, { pandoc.Plain({ link }) })
        end
      end
      local item = { pandoc.Plain({ pandoc.Link({ pandoc.Str(title_of(p)) }, p .. ".html") }) }
      if #sub > 0 then table.insert(item, pandoc.BulletList(sub)) end
      table.insert(items, item)
    end
  end
  return pandoc.Div({ pandoc.BulletList(items) }, pandoc.Attr("toc", { "book-toc" }))
end

local function link_filter()
  return {
    Link = function(l)
      local text = pandoc.utils.stringify(l.content)
      local to = resolve(l.target, text)
      if to then l.target = to end
      return l
    end,
    Div = function(d)
      if d.classes:includes("toc") then
        if mode == "single" then return {} end
        return toc()
      end
    end,
  }
end

-- A suite file (an include marked `.suite`) has two forms: its listings in the HTML and the EPUB,
-- where a reader can open every test, and its summary (the file's tests, one a line) in the PDF,
-- which would otherwise print the whole suite line by line. The summary is made by `expand`; each
-- edition drops the form it does not show. A dropped listing leaves its id behind, so that links to
-- the file still lead to it. A `.summary` file is the same, except that the PDF also prints its
-- excerpts (`print=`) and its lab's code, which the HTML shows in the whole file's listings.
local print_edition = false

local function edition_filter()
  return {
    Div = function(d)
      if (d.classes:includes("suite-summary") or d.classes:includes("excerpt"))
          and not print_edition then
        return {}
      end
      if printed_as_summary(d) and print_edition then
        local kept = {}
        for _, b in ipairs(d.content) do
          if b.t == "Div" and b.classes:includes("listing") and not b.classes:includes("excerpt")
              and not b.classes:includes("lab") then
            if b.identifier ~= "" then
              table.insert(kept, pandoc.Div({}, pandoc.Attr(b.identifier)))
            end
          else
            table.insert(kept, b)
          end
        end
        d.content = kept
        return d
      end
    end,
  }
end

----------------------------------------------------------------------------------------------------

-- single: the expanded pages, read from their JSON files, become one document.
local function single(doc)
  local blocks = {}
  local files = {}
  for f in meta_string(doc.meta, "zinc-pages"):gmatch("[^,]+") do table.insert(files, f) end
  for _, f in ipairs(files) do
    local text = read_file(f)
    if not text then
      fail("cannot read the expanded page " .. f)
    else
      local d = pandoc.read(text, "json")
      page = meta_string(d.meta, "zinc-page")
      srcdir = meta_string(d.meta, "zinc-dir") or "book"
      local rename = {
        Header = function(h) h.identifier = global_id(page, h.identifier); return h end,
        Div = function(d2)
          if d2.identifier ~= "" then d2.identifier = global_id(page, d2.identifier) end
          return d2
        end,
      }
      local filters = link_filter()
      local div = pandoc.walk_block(pandoc.Div(d.blocks), rename)
      div = pandoc.walk_block(div, filters)
      div = pandoc.walk_block(div, edition_filter())
      for _, b in ipairs(div.content) do table.insert(blocks, b) end
    end
  end
  page = nil
  doc.blocks = blocks
  return doc
end

function Pandoc(doc)
  mode = meta_string(doc.meta, "zinc-mode")
  page = meta_string(doc.meta, "zinc-page")
  srcdir = meta_string(doc.meta, "zinc-dir") or "book"
  top = meta_string(doc.meta, "zinc-top") or "."
  print_edition = meta_string(doc.meta, "zinc-print") == "1"
  if mode == "expand" then
    anchors_path = meta_string(doc.meta, "zinc-anchors")
    doc.blocks = expand(doc)
  elseif mode == "link" or mode == "single" then
    load_index(meta_string(doc.meta, "zinc-index"))
    if mode == "link" then
      local div = pandoc.walk_block(pandoc.Div(doc.blocks), link_filter())
      doc.blocks = pandoc.walk_block(div, edition_filter()).content
    else
      doc = single(doc)
    end
  else
    fail("set the metadata field zinc-mode to expand, link or single")
  end
  stop_on_errors()
  return doc
end
