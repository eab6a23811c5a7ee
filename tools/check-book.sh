#!/bin/sh
# tools/check-book.sh: build the book and check it in a real browser (a step of `make test`).
#
# Builds the book (book/build.sh), then opens every HTML page in headless Chromium (tools/chromium.sh) and
# reads back the DOM it built:
#   - chapter 1 has highlighted code (Pandoc's sourceCode blocks with token spans) under listing heads,
#     and its figures;
#   - every local link and image (href, src) of every page leads to a file that exists, and a link's
#     #anchor to an id in that file;
#   - every figure of book/figures/ is shown by some page, and parses as SVG.
# Finally it saves a screenshot of chapter 1 to build/book-ch01.png, for people to look at.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
html=book/out/html
dom=build/book-dom
problems=0
bad() { echo "book: FAILED: $*"; problems=$((problems + 1)); }

book/build.sh || { echo "book: the book does not build"; exit 1; }
command -v chromium > /dev/null || { echo "book: Chromium is not installed (tools/setup.sh installs it)"; exit 1; }
rm -rf "$dom"
mkdir -p "$dom"

for page in "$html"/*.html; do
    name=$(basename "$page" .html)
    timeout 120 tools/chromium.sh --dump-dom "file://$top/$page" > "$dom/$name.html" 2> "$dom/$name.log"
    [ -s "$dom/$name.html" ] || bad "Chromium could not open $page: $(tail -n 3 "$dom/$name.log")"
done

# Chapter 1 renders with highlighted code under listing heads, and shows its figures.
ch1=$dom/ch01-hal.html
count() { grep -o "$1" "$ch1" | wc -l; }
[ "$(count 'class="sourceCode c"')" -ge 20 ] || bad "chapter 1 has too few highlighted C listings"
[ "$(count 'class="sourceCode gnuassembler"')" -ge 1 ] || bad "chapter 1 has no highlighted assembly"
[ "$(count '<span class="kw">')" -ge 100 ] || bad "chapter 1's code has too few highlighted keywords"
[ "$(count 'class="listing-head"')" -ge 20 ] || bad "chapter 1's listings have no heads"
grep -q '<code>ch01-hal/src/kernel/timer.c</code>, lines' "$ch1" || bad "no listing head names ch01-hal/src/kernel/timer.c"
grep -q 'class="listing lab"' "$ch1" || bad "chapter 1 shows no lab listing"
grep -q 'src="figures/layers.svg"' "$ch1" || bad "chapter 1 does not show the layer diagram"
grep -q 'src="figures/trap-path.svg"' "$ch1" || bad "chapter 1 does not show the trap path"

# Every local link and image of every page resolves.
links=0
for d in "$dom"/*.html; do
    name=$(basename "$d")
    # Attributes of tags only: a listing's text may say href="..." too, but its "<" is escaped there.
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
            grep -q "id=\"$anchor\"" "$target" || bad "$name links to $ref, but there is no id \"$anchor\" there"
        fi
    done
done
echo "book: $(ls "$dom"/*.html | wc -l) pages opened in Chromium, $links local links and images checked"

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

mkdir -p build
rm -f build/book-ch01.png
timeout 120 tools/chromium.sh --hide-scrollbars --window-size=1280,3000 --screenshot="$top/build/book-ch01.png" \
    "file://$top/$html/ch01-hal.html" > "$dom/screenshot.log" 2>&1
[ -s build/book-ch01.png ] && echo "book: screenshot of chapter 1 in build/book-ch01.png" || bad "no screenshot"

echo "book: $problems problems"
[ $problems -eq 0 ]
