#!/bin/sh
# tools/check-columns.sh: every source that the book may list keeps to 100 columns.
#
# The PDF prints listings at a size where 100 columns fit the page (tools/check-book.sh reads them
# back), so a longer line would wrap or shrink its listing. This checks the C, assembly, linker
# scripts, system-call and lab lists, end-to-end expectations, Makefiles and scripts of the whole
# tree: the book may show any of them, and `.clang-format` keeps new C code to the same limit. It
# first proves that it can fail, on a probe line of 101 columns; then it prints each longer line as
# FILE:LINE and fails, or says how many files it read.
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1

sources() {
    find ch* final tools book Makefile .ci -type f \( -name '*.[chS]' -o -name '*.ld' -o \
        -name '*.list' -o -name '*.expect' -o -name '*.typed' -o -name 'labs.txt' -o -name '*.sh' \
        -o -name '*.mk' -o -name '*.lua' -o -name '*.gdb' -o -name Makefile -o -name run \) \
        -not -path '*/build/*' -not -path 'book/out/*' 2>/dev/null | sort
}

too_long() { # FILE...: print FILE:LINE: for each line past 100 columns (characters, not bytes)
    LC_ALL=C.UTF-8 grep -Hn '.\{101\}' "$@" | cut -d: -f1,2
}

probe=$(mktemp)
trap 'rm -f "$probe"' EXIT
printf '%0101d\n' 0 > "$probe"
[ -n "$(too_long "$probe")" ] ||
    { echo "columns: FAILED: the check misses a line of 101 columns"; exit 1; }

files=$(sources)
long=$(too_long $files)
if [ -n "$long" ]; then
    echo "$long"
    echo "columns: FAILED: $(echo "$long" | wc -l) lines are longer than 100 columns"
    exit 1
fi
echo "columns: $(echo "$files" | wc -l) sources read, no line longer than 100 columns"
