#!/bin/sh
# tools/list-lines.sh FILE...: the entries of Zinc's list files (syscalls.list, labs.txt), one a
# line.
# A "#" starts a comment to the end of its line; a line that starts with a blank continues the entry
# before it, so that no entry has to run past the 100 columns every listing of the book keeps to.
sed 's/#.*//' "$@" | awk '
NF == 0 { next }
/^[ \t]/ { entry = entry " " $0; next }
{ if (entry != "") print entry; entry = $0 }
END { if (entry != "") print entry }'
