#!/bin/sh
# book/build.sh: build the book (`make book`): book/out/html/ (a page per entry of book/book.txt),
# book/out/zinc.epub, and book/out/zinc.pdf when Chromium, the PDF engine, is installed.
#
# Three steps, all Pandoc with the filter book/zinc.lua (see book/appendix-making.md):
#   1. expand  each page's Markdown: includes of source files become prose and listings; each
#              page's anchors go to build/book/NAME.anchors. The pages are independent, so they
#              run in parallel.
#   2. link    each page to HTML, resolving cross-references through the anchors of all pages.
#   3. single  all pages as one document: the EPUB, and a one-page HTML that Chromium prints to PDF.
# Any missing file, region, figure or cross-reference stops the build with a message naming it.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
work=build/book
out=book/out
rm -rf "$work" "$out/html"
mkdir -p "$work" "$out/html"

filter="--lua-filter=book/zinc.lua"
pages=""
pids=""
for src in $(sed 's/#.*//' book/book.txt); do
    [ -f "$src" ] || { echo "book: book/book.txt lists $src, which does not exist" >&2; exit 1; }
    dir=$(dirname "$src")
    case $dir in
    book) name=$(basename "$src" .md); [ "$name" = front ] && name=index ;;
    *) name=$dir; [ "$(basename "$src")" = chapter.md ] || name=$dir-$(basename "$src" .md) ;;
    esac
    pages="$pages $name"
    echo "$src" > "$work/$name.src"
    pandoc "$src" -f markdown -t json $filter -M zinc-mode=expand -M zinc-page="$name" \
        -M zinc-dir="$dir" -M zinc-anchors="$work/$name.anchors" -o "$work/$name.json" \
        2> "$work/$name.log" &
    pids="$pids $!"
done
status=0
for pid in $pids; do wait "$pid" || status=1; done
for name in $pages; do
    if [ -s "$work/$name.log" ]; then cat "$work/$name.log" >&2; fi
    [ -f "$work/$name.json" ] && [ -f "$work/$name.anchors" ] || status=1
done
[ $status -eq 0 ] || { echo "book: could not expand every page (see above)" >&2; exit 1; }
for name in $pages; do cat "$work/$name.anchors"; done > "$work/index.tsv"

# The title of a page: its first level-1 heading.
title() { awk -F '\t' -v p="$1" '$1 == p && $3 == 1 { print $4; exit }' "$work/index.tsv"; }

# Step 2: a page of HTML each, with the chapter list (the current one marked) and previous/next
# links.
prev=""
pids=""
set -- $pages
while [ $# -gt 0 ]; do
    name=$1; next=${2:-}
    {
        echo '<ol class="chapters">'
        for p in $pages; do
            cls=""; [ "$p" = "$name" ] && cls=' class="current"'
            text=$(title "$p" | sed 's/&/\&amp;/g; s/</\&lt;/g')
            printf '<li%s><a href="%s.html">%s</a></li>\n' "$cls" "$p" "$text"
        done
        echo '</ol>'
    } > "$work/$name.nav.html"
    pandoc "$work/$name.json" -f json -t html5 -s --template=book/template.html $filter \
        -M zinc-mode=link -M zinc-index="$work/index.tsv" -M pagetitle="$(title "$name")" \
        --toc --toc-depth=2 -V css=style.css --highlight-style=tango \
        --include-before-body="$work/$name.nav.html" \
        ${prev:+-V prev-href="$prev.html" -V prev-title="$(title "$prev")"} \
        ${next:+-V next-href="$next.html" -V next-title="$(title "$next")"} \
        -o "$out/html/$name.html" 2> "$work/$name.html.log" &
    pids="$pids $!"
    prev=$name
    shift
done
status=0
for pid in $pids; do wait "$pid" || status=1; done
for name in $pages; do
    [ -s "$work/$name.html.log" ] && cat "$work/$name.html.log" >&2
    [ -f "$out/html/$name.html" ] || status=1
done
[ $status -eq 0 ] || { echo "book: could not write every page (see above)" >&2; exit 1; }
cp book/style.css "$out/html/style.css"
cp -r book/figures "$out/html/figures"
echo "  BOOK    $out/html/index.html ($(echo $pages | wc -w) pages)"

# Step 3: the whole book as one document.
json=""
for name in $pages; do json="$json${json:+,}$work/$name.json"; done
single="-f markdown -M zinc-mode=single -M zinc-index=$work/index.tsv -M zinc-pages=$json"
pandoc /dev/null $single $filter -t epub3 --resource-path=book --css=book/epub.css \
    --highlight-style=tango --epub-chapter-level=1 --toc --toc-depth=2 \
    -M title=Zinc -M subtitle="A teaching operating system, and a book about it" -M lang=en \
    -o "$out/zinc.epub"
echo "  EPUB    $out/zinc.epub"

chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then
    echo "  PDF     skipped: no PDF engine (install Debian's chromium, see book/appendix-making.md)"
    exit 0
fi
mkdir -p "$work/print"
cp book/style.css "$work/print/style.css"
cp -r book/figures "$work/print/figures"
pandoc /dev/null $single $filter -t html5 -s --template=book/template.html -M pagetitle=Zinc \
    -V print=1 -M zinc-print=1 -V css=style.css --highlight-style=tango -o "$work/print/zinc.html"
# Chromium's print has been seen to stall for good on a machine loaded far past its cores (its
# renderer asleep, nothing printed): each attempt has a time limit, and a stalled one is tried once
# more.
rm -f "$out/zinc.pdf"
for attempt in 1 2; do
    timeout -k 10 "${BOOK_PDF_TIMEOUT:-900}" tools/chromium.sh --no-pdf-header-footer \
        --generate-pdf-document-outline --print-to-pdf="$top/$out/zinc.pdf" \
        "file://$top/$work/print/zinc.html" > "$work/pdf.log" 2>&1 || true
    [ -s "$out/zinc.pdf" ] && break
    echo "  PDF     attempt $attempt printed nothing (time limit ${BOOK_PDF_TIMEOUT:-900} s)" >&2
done
if [ ! -s "$out/zinc.pdf" ]; then
    cat "$work/pdf.log" >&2
    echo "book: Chromium did not print the PDF" >&2
    exit 1
fi
echo "  PDF     $out/zinc.pdf"
