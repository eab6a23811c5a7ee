#!/bin/sh
# tools/labs.sh [-o DIR] [LAB...]: write the student tree (`make labs`), by default to build/labs/.
#
# The tree is a copy of the repository without .git and build outputs, in which the reference
# solution of each lab (all labs, or only those named) is replaced by its stub. In the sources a lab
# looks like this:
#
#     /* LAB ch01-timer-order BEGIN: what the student must write, in a sentence or two.
#        stub:
#     t->next = timers.head;        <- the stub: code that compiles (with -Werror) but falls short
#     */
#     ... the reference solution ...
#     /* LAB END */
#
# and in the student tree it becomes
#
#     /* TODO(lab ch01-timer-order): what the student must write, in a sentence or two. */
#     t->next = timers.head;
#
# The tree also gets .lab-manifest: checksums of the tests, the test harness and the grader, which
# tools/grade.sh verifies before it grades, so that a score is earned by the kernel and not by its
# tests.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/build/labs
if [ "$1" = "-o" ]; then out=$2; shift 2; fi
labs="$*"

# Every lab id named must exist in some chapter's labs/labs.txt.
known=$("$top"/tools/list-lines.sh "$top"/ch*/labs/labs.txt 2>/dev/null | awk '{ print $1 }')
for lab in $labs; do
    echo "$known" | grep -qx "$lab" ||
        { echo "labs: no lab named $lab (see chNN/labs/labs.txt)" >&2; exit 1; }
done

rm -rf "$out"
mkdir -p "$out"
cd "$top"
tar --exclude=./.git --exclude=./build --exclude='./ch*/build' --exclude=./final/build \
    --exclude=./book/out \
    --exclude=./build-setup.log -cf - . | tar -xf - -C "$out"

# Replace the regions of the chosen labs in every source of every chapter.
strip() {
    awk -v labs=" $labs " '
    function want(id) { return labs == "  " || index(labs, " " id " ") > 0 }
    state == 0 && /^[ \t]*\/\* LAB [A-Za-z0-9-]+ BEGIN/ {
        id = $0; sub(/^.*LAB /, "", id); sub(/ BEGIN.*$/, "", id)
        if (!want(id)) { print; next }
        indent = $0; sub(/[^ \t].*$/, "", indent)
        text = $0; sub(/^.* BEGIN:? ?/, "", text)
        nstub = 0; in_stub = 0; ntext = 1
        if (text ~ /\*\//) { sub(/ *\*\/.*$/, "", text); state = 2 } else state = 1
        lines[1] = indent "/* TODO(lab " id "): " text
        if (state == 2) print lines[1] " */"
        next
    }
    state == 1 {
        line = $0; closing = line ~ /\*\//
        if (closing) sub(/[ \t]*\*\/.*$/, "", line)
        if (line ~ /^[ \t]*stub:[ \t]*$/) in_stub = 1
        else if (in_stub) { if (!(closing && line ~ /^[ \t]*$/)) stub[++nstub] = line }
        else if (line !~ /^[ \t]*$/) lines[++ntext] = line
        if (closing) state = 2
        if (state == 2) {
            lines[ntext] = lines[ntext] " */"
            for (i = 1; i <= ntext; i++) print lines[i]
            for (i = 1; i <= nstub; i++) print stub[i]
        }
        next
    }
    state == 2 && /^[ \t]*\/\* LAB END \*\/[ \t]*$/ { state = 0; next }
    state == 2 { next }
    /^[ \t]*\/\* LAB [A-Za-z0-9-]+ BEGIN/ || /^[ \t]*\/\* LAB END \*\// { print; next }
    { print }
    END {
        if (state != 0) { print FILENAME ": a LAB region is not closed" > "/dev/stderr"; exit 1 }
    }
    ' "$1"
}
for f in $(cd "$out" &&
        find ch* final -type f \( -name '*.c' -o -name '*.h' -o -name '*.S' \) 2>/dev/null); do
    grep -q '/\* LAB .* BEGIN' "$out/$f" || continue
    strip "$out/$f" > "$out/$f.new"
    # A file that keeps its text keeps its time too, so that a build begun from the reference's
    # (tools/check-labs.sh) need not compile it again.
    if cmp -s "$out/$f.new" "$out/$f"; then rm "$out/$f.new"; else mv "$out/$f.new" "$out/$f"; fi
done

# What the grader checks before grading: the tests, the harness, the grader and the lists of labs.
(cd "$out" && find ch*/tests ch*/labs tools/grade.sh tools/run-tests.sh \
    ch01-hal/src/kernel/ktest.c \
    ch01-hal/src/kernel/ktest.h -type f 2>/dev/null | sort | xargs sha256sum) > "$out/.lab-manifest"
echo "  LABS    ${out#$top/} (${labs:-every lab} stripped)"
