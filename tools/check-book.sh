#!/bin/sh
# tools/check-book.sh: build the book and check it in a real browser (a step of `make test`).
#
# Builds the book (book/build.sh), then opens every HTML page in headless Chromium
# (tools/chromium.sh) and reads back the DOM it built:
#   - chapter 1 has highlighted code (Pandoc's sourceCode blocks with token spans) under listing
#     heads, and its figures;
#   - every local link and image (href, src) of every page leads to a file that exists, and a link's
#     #anchor to an id in that file;
#   - every figure of book/figures/ is shown by some page, and parses as SVG;
#   - no page shows the excerpts that only the PDF prints (the HTML shows every file whole);
#   - no line of a code listing in the PDF is wrapped or cut (pdftotext, from poppler-utils), which
#     it first proves it would see, on a probe page printed too wide on purpose.
# Finally it saves a screenshot of chapter 1 to build/book-ch01.png, and two pages of the PDF to
# build/book-pdf-*.png (pdftoppm), for people to look at.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
html=book/out/html
dom=build/book-dom
problems=0
bad() { echo "book: FAILED: $*"; problems=$((problems + 1)); }

book/build.sh || { echo "book: the book does not build"; exit 1; }
command -v chromium > /dev/null ||
    { echo "book: Chromium is not installed (tools/setup.sh installs it)"; exit 1; }
rm -rf "$dom"
mkdir -p "$dom"

for page in "$html"/*.html; do
    name=$(basename "$page" .html)
    timeout 120 tools/chromium.sh --dump-dom "file://$top/$page" > "$dom/$name.html" \
        2> "$dom/$name.log"
    [ -s "$dom/$name.html" ] || bad "Chromium could not open $page: $(tail -n 3 "$dom/$name.log")"
done

# Chapter 1 renders with highlighted code under listing heads, and shows its figures.
ch1=$dom/ch01-hal.html
count() { grep -o "$1" "$ch1" | wc -l; }
[ "$(count 'class="sourceCode c"')" -ge 20 ] || bad "chapter 1 has too few highlighted C listings"
[ "$(count 'class="sourceCode gnuassembler"')" -ge 1 ] ||
    bad "chapter 1 has no highlighted assembly"
[ "$(count '<span class="kw">')" -ge 100 ] ||
    bad "chapter 1's code has too few highlighted keywords"
[ "$(count 'class="listing-head"')" -ge 20 ] || bad "chapter 1's listings have no heads"
grep -q '<code>ch01-hal/src/kernel/timer.c</code>, lines' "$ch1" ||
    bad "no listing head names ch01-hal/src/kernel/timer.c"
grep -q 'class="listing lab"' "$ch1" || bad "chapter 1 shows no lab listing"
grep -q 'src="figures/layers.svg"' "$ch1" || bad "chapter 1 does not show the layer diagram"
grep -q 'src="figures/trap-path.svg"' "$ch1" || bad "chapter 1 does not show the trap path"

# The HTML shows every file whole: the excerpts that the PDF prints of a file marked `.summary`
# (book/zinc.lua, `print=`) are not on any page, where they would repeat the file's own listings.
excerpts=$(grep -l 'class="listing[^"]*excerpt' "$dom"/*.html)
[ -z "$excerpts" ] || bad "HTML pages show the PDF's excerpts: $(echo $excerpts)"

# Every local link and image of every page resolves.
links=0
for d in "$dom"/*.html; do
    name=$(basename "$d")
    # Attributes of tags only: a listing's text may say href="..." too, but its "<" is escaped
    # there.
    for ref in $(grep -oE '<[a-zA-Z][^>]*>' "$d" | grep -oE ' (href|src)="[^"]*"' |
                 sed -E 's/^ (href|src)="//; s/"$//' | sort -u); do
        case $ref in
        http:* | https:* | mailto:* | data:*) continue ;;
        esac
        links=$((links + 1))
        file=${ref%%#*}
        anchor=""
        case $ref in *"#"*) anchor=${ref#*#} ;; esac
        if [ -z "$file" ]; then target=$d; else target=$html/$file; fi
        if [ ! -f "$target" ]; then
            bad "$name links to $ref, but $html/$file does not exist"
            continue
        fi
        if [ -n "$anchor" ]; then
            # Look for the id in the browser's DOM of that page when we have it, else in the file.
            [ -n "$file" ] && [ -f "$dom/$(basename "$file")" ] && target=$dom/$(basename "$file")
            grep -q "id=\"$anchor\"" "$target" ||
                bad "$name links to $ref, but there is no id \"$anchor\" there"
        fi
    done
done
echo "book: $(ls "$dom"/*.html | wc -l) pages opened in Chromium," \
    "$links local links and images checked"

# Every figure of book/figures/ is shown by some page, and is an SVG file that Chromium parses.
figures=0
for fig in book/figures/*.svg; do
    figures=$((figures + 1))
    name=$(basename "$fig")
    grep -q "src=\"figures/$name\"" "$dom"/*.html || bad "no page shows the figure $fig"
    timeout 60 tools/chromium.sh --dump-dom "file://$top/$fig" > "$dom/$name.dom" 2> /dev/null
    grep -q '<svg' "$dom/$name.dom" && ! grep -q 'parsererror' "$dom/$name.dom" ||
        bad "Chromium cannot parse the figure $fig"
done
echo "book: $figures figures shown and parsed"

# The PDF: no line of a code listing is wrapped or cut. Chromium prints the listings at a size that
# fits 100 columns (smaller for a listing with longer lines, see book/style.css), and this checks
# that it did, on the PDF itself, two ways:
#   - text: pdftotext -layout gives each printed line; a listing's line is its number and its text.
#     Under each listing head ("path, lines A–B") every numbered line must read as that line of
#     the source file; a line that reads as only the start of it was wrapped (the rest is on the
#     next printed line) or cut off.
#   - place: pdftotext -bbox gives each word's box; a word that reaches past the right margin
#     (16 mm, book/style.css) overflows its listing, which hides it: cut, though its text is still
#     in the file.
# It proves it can fail: a small page printed with the book's style, whose listing is made too wide
# on purpose, must be caught both ways, while the same listing at the book's size must pass.
# PDF: the listing lines that do not read as their source, one a line, then "checked N pages A B":
pdf_listings() {
                 # A the page of chapter 2's first listing, B that of the widest line of at most 100
                 # columns
    pdftotext -layout "$1" - | awk -v top="$top" '
    function norm(s) {
        gsub(/\t/, "        ", s); gsub(/ +/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s); return s
    }
    BEGIN { page = 1 }
    {
        n = split($0, parts, "\f")
        if (n > 1) { page += n - 1; $0 = parts[n] }
    }
    /^ *[A-Za-z0-9_.+-]+\/[A-Za-z0-9_.\/+-]+, lines? [0-9]+/ {
        head = $0; sub(/^ +/, "", head)
        path = head; sub(/, lines? .*/, "", path)
        rest = head; sub(/^[^,]*, lines? /, "", rest)
        first = rest + 0; last = first
        if (index(rest, "–")) { sub(/^[0-9]+–/, "", rest); last = rest + 0 }
        nsrc = 0
        while ((getline l < (top "/" path)) > 0) src[++nsrc] = l
        close(top "/" path)
        open = nsrc >= last
        next
    }
    open {
        match($0, /^ */)
        if (RLENGTH >= 20 || !match($0, /^ *[0-9]+/)) next
        num = substr($0, 1, RLENGTH) + 0
        text = substr($0, RLENGTH + 1)
        if ((text != "" && text !~ /^ /) || num < first || num > last) next
        got = norm(text); want = norm(src[num])
        checked++
        if (!first_page && path ~ /^ch02-objects\//) first_page = page
        if (length(want) > widest && length(src[num]) <= 100) {
            widest = length(want); wide_page = page
        }
        if (got != want) {
            how = substr(want, 1, length(got)) == got ? "wrapped or cut" : "differs from the source"
            print "page " page ": " path ":" num " " how ": " got
        }
        if (num == last) open = 0
    }
    END { print "checked " checked + 0 " pages " first_page + 0 " " wide_page + 0 }'
}
pdf_overflow() { # PDF: the words that reach past the right margin, one a line
    pdftotext -bbox "$1" - | awk '
    function attr(name) {
        match($0, name "=\"[0-9.]+\"")
        return substr($0, RSTART + length(name) + 2, RLENGTH - length(name) - 3) + 0
    }
    /<page / { page++; edge = attr("width") - 16 / 25.4 * 72 + 1 }
    /<word / && attr("xMax") > edge {
        w = $0; sub(/^[^>]*>/, "", w); sub(/<.*/, "", w); print "page " page ": past the margin: " w
    }'
}
probe=build/book-probe
rm -rf "$probe"
mkdir -p "$probe"
hundred() { # TEXT: TEXT, dots and " */": a line of exactly 100 columns
    printf '%s%s */\n' "$1" "$(printf '%*s' $((97 - ${#1})) '' | tr ' ' .)"
}
{ hundred "/* A line as wide as the book promises to print without wrapping "
  hundred "int hundred_columns = 1; /* "
} > "$probe/fits.c"
cp "$probe/fits.c" "$probe/wide.c"
cp "$probe/fits.c" "$probe/cut.c"
{ printf '# Probe\n\n::: {include="fits.c"}\n:::\n\n::: {include="wide.c" .wide}\n:::\n\n'
  printf '::: {include="cut.c" .cut}\n:::\n'
} > "$probe/probe.md"
cp -r book/style.css book/figures "$probe/"
cat >> "$probe/style.css" << 'EOF2'
.wide pre { font-size: 10pt !important; }
.cut pre, .cut code { font-size: 10pt !important; white-space: pre !important; }
EOF2
pandoc "$probe/probe.md" -f markdown -t json --lua-filter=book/zinc.lua -M zinc-mode=expand \
    -M zinc-page=probe -M zinc-dir="$probe" -M zinc-anchors="$probe/probe.anchors" \
    -o "$probe/probe.json" &&
pandoc /dev/null -f markdown --lua-filter=book/zinc.lua -M zinc-mode=single \
    -M zinc-index="$probe/probe.anchors" -M zinc-pages="$probe/probe.json" -t html5 -s \
    --template=book/template.html -M pagetitle=Probe -V print=1 -M zinc-print=1 -V css=style.css \
    --highlight-style=tango -o "$probe/probe.html" &&
timeout 120 tools/chromium.sh --no-pdf-header-footer --print-to-pdf="$top/$probe/probe.pdf" \
    "file://$top/$probe/probe.html" > "$probe/chromium.log" 2>&1
if [ ! -s "$probe/probe.pdf" ]; then
    bad "could not print the probe page $probe/probe.html"
else
    pdf_listings "$probe/probe.pdf" > "$probe/listings.txt"
    pdf_overflow "$probe/probe.pdf" > "$probe/overflow.txt"
    grep -q "fits.c" "$probe/listings.txt" &&
        bad "a line of 100 columns does not fit the printed page: $(cat "$probe/listings.txt")"
    grep -q "wide.c:2 wrapped" "$probe/listings.txt" ||
        bad "the check of the PDF misses a wrapped line (see $probe/)"
    [ -s "$probe/overflow.txt" ] || grep -q "cut.c:2 wrapped or cut" "$probe/listings.txt" ||
        bad "the check of the PDF misses a cut line (see $probe/)"
    grep -q '^checked 6 ' "$probe/listings.txt" ||
        bad "the check of the PDF read $(tail -n 1 "$probe/listings.txt") probe lines, not 6"
fi

pdf=book/out/zinc.pdf
if [ ! -s "$pdf" ]; then
    bad "there is no $pdf"
else
    pdf_listings "$pdf" > build/book-pdf-listings.txt
    pdf_overflow "$pdf" > build/book-pdf-overflow.txt
    set -- $(tail -n 1 build/book-pdf-listings.txt)
    checked=$2
    sed '$d' build/book-pdf-listings.txt |
        while read -r line; do echo "book: FAILED: PDF $line"; done
    problems=$((problems + $(sed '$d' build/book-pdf-listings.txt | wc -l)))
    while read -r line; do bad "PDF $line"; done < build/book-pdf-overflow.txt
    [ "${checked:-0}" -ge 2000 ] ||
        bad "the PDF has only ${checked:-0} listing lines that the check could read"
    pdftotext "$pdf" - | tr -s '\n ' '  ' | grep -q 'of which this edition prints' ||
        bad "the PDF prints no summarised file's excerpts (.summary with print=)"
    echo "book: $checked listing lines of the PDF read as their sources, none past the margin"
    # Two pages for people to look at: chapter 2's first listing, and the widest line that must fit.
    rm -f build/book-pdf-*.png
    pdftoppm -png -r 110 -f "$4" -l "$4" -singlefile "$pdf" build/book-pdf-ch02 &&
        pdftoppm -png -r 110 -f "$5" -l "$5" -singlefile "$pdf" build/book-pdf-widest &&
        echo "book: PDF pages $4 and $5 in build/book-pdf-ch02.png and build/book-pdf-widest.png" ||
        bad "pdftoppm could not render pages $4 and $5 of $pdf"
fi

mkdir -p build
rm -f build/book-ch01.png
timeout 120 tools/chromium.sh --hide-scrollbars --window-size=1280,3000 \
    --screenshot="$top/build/book-ch01.png" \
    "file://$top/$html/ch01-hal.html" > "$dom/screenshot.log" 2>&1
[ -s build/book-ch01.png ] && echo "book: screenshot of chapter 1 in build/book-ch01.png" ||
    bad "no screenshot"

echo "book: $problems problems"
[ $problems -eq 0 ]
