#!/bin/sh
# tools/check-labs.sh: prove that the labs work, both ways (a step of `make test`).
#
#   1. The reference tree scores full marks: tools/grade.sh passes every test of every lab.
#   2. The student tree with every lab stripped (tools/labs.sh) builds with warnings as errors, and
#      the grader there scores every lab 0.
#   3. For each chapter, the tree with that chapter's labs stripped together fails exactly the
#      tests that its labs.txt lists, and passes every other test (the kernel's own and the
#      end-to-end ones). Only one chapter's labs at a time: a later chapter builds on the earlier
#      ones' reference code, and its tests may well fail without it (chapter 2's system calls copy
#      through chapter 1's copy_user), so a lab is graded in its own chapter. Then the same for
#      each lab stripped alone: with the kernel's tests only, when its chapter's end-to-end tests
#      already ran with all its labs stripped (the same tests again, lab by lab, would be most of
#      the time `make test` takes).
#   4. A student tree whose tests were edited is refused by the grader; a kernel that does not
#      boot and a chapter that does not build leave their labs ungraded, said loudly, with exit
#      status 2.
# Runs on ARCH (libos by default). Exits non-zero, saying what went wrong, at the first difference.
# With chapters named (tools/check-labs.sh ch06-async), only their labs are checked, and only those
# chapters are built and graded: the rest of the tree is the reference's either way.
top=$(cd "$(dirname "$0")/.." && pwd)
arch=${ARCH:-libos}
work=$top/build/labs-check
failures=0
say() { echo "labs: $*"; }
bad() { echo "labs: FAILED: $*"; failures=$((failures + 1)); }

chapters=$*
[ -n "$chapters" ] || chapters=$(cd "$top" && for m in ch*/Makefile; do dirname "$m"; done)
lists=$(for ch in $chapters; do
    [ -f "$top/$ch/labs/labs.txt" ] && echo "$top/$ch/labs/labs.txt"
done)
all_labs=$("$top"/tools/list-lines.sh $lists /dev/null | awk '{ print $1 }')
[ -n "$all_labs" ] || { say "no labs"; exit 0; }
chapters_of() { # LAB... -> the chapters whose labs.txt lists them
    for lab in "$@"; do
        grep -l "^$lab[[:space:]]" "$top"/ch*/labs/labs.txt | sed 's|/labs/labs.txt$||; s|.*/||'
    done | sort -u
}
tests_of() { # LAB... -> the tests that grade them, sorted
    for lab in "$@"; do
        "$top"/tools/list-lines.sh "$top"/ch*/labs/labs.txt |
            awk -v l="$lab" '$1 == l { for (i = 3; i <= NF; i++) print $i }'
    done | sort -u
}

# 1. The reference.
out=$("$top/tools/grade.sh" $all_labs 2>&1)
total=$(echo "$out" | awk '$1 == "total" { print $NF }')
if [ -n "$total" ] && [ "${total%/*}" = "${total#*/}" ]; then
    say "the reference scores $total"
else
    echo "$out"; bad "the reference does not score full marks"
fi

# seed TREE: start TREE's builds from the reference's (each chapter's build/ARCH), so that make
# there compiles only what stripping changed; the rest is the same source, compiled the same way.
# tar kept the times of the files it copied, and the stripped files are newer than every object. The
# dependency lists and the build list name the reference's paths: they are rewritten to TREE's, the
# build list keeping its time (else everything linked would be linked again). The Linux user
# programs' compiler and busybox (build/userland, made by set-up) are the reference's, shared.
seed() {
    mkdir -p "$1/build"
    ln -sfn "$top/build/userland" "$1/build/userland"
    for build in "$top"/ch*/build/"$arch"; do
        [ -d "$build" ] || continue
        ch=$(basename "$(dirname "$(dirname "$build")")")
        mkdir -p "$1/$ch/build"
        cp -a "$build" "$1/$ch/build/"
        find "$1/$ch/build/$arch" -name '*.d' -exec sed -i "s|$top/|$1/|g" {} +
        list=$1/$ch/build/$arch/gen/build-list.txt
        [ -f "$list" ] || continue
        sed "s|$top/|$1/|g" "$list" > "$list.new" && touch -r "$list" "$list.new" &&
            mv "$list.new" "$list"
    done
}

# 2 and 3. A stripped tree: build every chapter, run the tests of the labs' chapters, compare the
# failures with the list.
check_stripped() { # [--build-only | --kernel-only] NAME LAB...
    build_only="" target=test
    if [ "$1" = "--build-only" ]; then build_only=1; shift; fi
    if [ "$1" = "--kernel-only" ]; then target=ktest; shift; fi
    name=$1; shift
    tree=$work/$name
    "$top/tools/labs.sh" -o "$tree" "$@" > /dev/null || { bad "tools/labs.sh $* failed"; return; }
    seed "$tree"
    want=$(tests_of "$@")
    got=""
    for ch in $chapters; do
        if ! make -s -C "$tree/$ch" all ARCH="$arch" > "$tree/build.log" 2>&1; then
            cat "$tree/build.log"; bad "$ch does not build (-Werror) with $name stripped"; return
        fi
    done
    if [ -n "$build_only" ]; then say "stripped $name: every chapter builds"; return; fi
    for ch in $(chapters_of "$@"); do
        log=$tree/test-$ch.log
        make -s -C "$tree/$ch" $target ARCH="$arch" < /dev/null > "$log" 2>&1
        if ! grep -aqE '^[0-9]+ passed, [0-9]+ failed$' "$log"; then
            tail -n 20 "$log"; bad "$ch with $name stripped gave no verdict"; return
        fi
        got="$got $(grep -aE '^not ok ' "$log" | sed -E 's/^not ok (e2e )?[0-9]+ - //; s/ .*//')"
    done
    got=$(echo $got | tr ' ' '\n' | sed '/^$/d' | sort -u)
    if [ "$got" = "$want" ]; then
        say "stripped $name: fails exactly $(echo $want)"
    else
        # Show what went wrong: each failure with what the harness printed after it.
        grep -ahA 40 '^not ok ' "$tree"/test-*.log
        bad "stripped $name: expected to fail [$(echo $want)], failed [$(echo $got)]"
    fi
}
check_stripped --build-only all $all_labs
together="" # the chapters whose labs were stripped together, every test run
for m in $lists; do
    ch=$(basename "$(dirname "$(dirname "$m")")")
    labs=$("$top"/tools/list-lines.sh "$m" | awk '{ print $1 }')
    [ $(echo $labs | wc -w) -gt 1 ] && check_stripped "$ch" $labs && together="$together $ch "
done
for lab in $all_labs; do
    case $together in
    *" $(chapters_of "$lab") "*) check_stripped --kernel-only "$lab" "$lab" ;;
    *) check_stripped "$lab" "$lab" ;;
    esac
done

# The grader in the student tree scores nothing, and refuses edited tests.
out=$("$work/all/tools/grade.sh" $all_labs 2>&1)
total=$(echo "$out" | awk '$1 == "total" { print $NF }')
[ "${total%/*}" = 0 ] && say "the grader in the student tree scores $total" ||
    { echo "$out"; bad "the student tree scores $total"; }
test_file=$(cd "$work/all" && ls ch*/tests/*.c | head -n 1)
echo "/* edited */" >> "$work/all/$test_file"
"$work/all/tools/grade.sh" $all_labs > "$work/tampered.log" 2>&1
status=$?
if [ $status -eq 2 ] && grep -q "differ from the ones handed out" "$work/tampered.log"; then
    say "the grader refuses an edited $test_file"
else
    cat "$work/tampered.log"; bad "the grader accepted an edited $test_file (status $status)"
fi

sed -i '$d' "$work/all/$test_file"

# ungraded NAME TREE LAB [ENV...]: grading LAB in TREE (under ENV) fails loudly: status 2, and the
# lab is reported as not graded, with a log.
ungraded() {
    name=$1 tree=$2 lab=$3; shift 3
    env "$@" "$tree/tools/grade.sh" "$lab" > "$work/ungraded.log" 2>&1
    status=$?
    if [ $status -eq 2 ] && grep -q "^$lab .*not graded" "$work/ungraded.log" &&
        grep -q "log: " "$work/ungraded.log"; then
        say "$name: the grader says so and exits 2"
    else
        cat "$work/ungraded.log"; bad "$name: the grader did not fail loudly (status $status)"
    fi
}
first_lab=$(echo $all_labs | awk '{ print $1 }')
[ "$arch" = libos ] &&
    ungraded "a kernel that cannot boot" "$top" "$first_lab" ZINC_LIBOS_TLS=refused
first_source=$(cd "$work/all" && find "$(chapters_of "$first_lab")/src" -path '*/arch' -prune -o \
    -name '*.c' -print | sort | head -n 1)
echo "#error this chapter must not build" >> "$work/all/$first_source"
ungraded "a chapter that does not build" "$work/all" "$first_lab"

[ $failures -eq 0 ] && rm -rf "$work"
echo "labs: $failures problems"
[ $failures -eq 0 ]
