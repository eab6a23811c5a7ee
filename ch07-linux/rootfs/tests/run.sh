#!/bin/sh
# /tests/run.sh: chapter 7's busybox suite, run by busybox's shell on Zinc (the e2e test
# tests/busybox.expect boots with "run /bin/sh /tests/run.sh").
#
# Each case /tests/cases/NAME.sh is a shell script; NAME.out is what Linux gives for it (its
# standard output and error, then "exit N"), written on the host by tools/busybox-expect.sh, which
# runs the case as it is run here: in a fresh scratch directory, with umask 022, no input, only the
# environment of Zinc's first process, the script given to "sh -c" (so that error messages name
# "sh"), under a time limit of 10 seconds. This script compares, and prints TAP: "ok N - NAME" or
# "not ok N - NAME" followed by the difference (as "#" lines), and last "P passed, F failed".
#
# Every program started costs a fork and an exec of busybox, slow under an emulator: the case runs
# under timeout and sh, and nothing else is started for a case that passes (the files are read and
# compared by the shell itself).
cases=/tests/cases
scratch=/tmp/case
got=/tmp/case.out
umask 022

# Set "text" to the contents of the file $1 (read by the shell's builtin, no program started).
slurp() {
    text=
    while IFS= read -r line; do
        text="$text$line
"
    done < "$1"
    text="$text$line"
}

# Run the case file $1 in a fresh scratch directory, its output and "exit N" line into $got. The
# environment is the one the host's run gets from "env -i HOME=/ PATH=... TERM=linux": this
# shell's (the first process's) minus the OLDPWD that cd sets, with SHLVL counting from 0 again.
run_case() {
    slurp "$1"
    rm -rf "$scratch"
    mkdir "$scratch"
    (
        cd "$scratch" && unset OLDPWD && export SHLVL=0 &&
            exec timeout 10 sh -c "$text" sh
    ) < /dev/null > "$got" 2>&1
    echo "exit $?" >> "$got"
}

n=0 passed=0 failed=0
set -- "$cases"/*.sh
echo "1..$#"
for case in "$@"; do
    name=${case##*/}
    name=${name%.sh}
    n=$((n + 1))
    run_case "$case"
    slurp "$got"
    result=$text
    slurp "$cases/$name.out"
    if [ "$result" = "$text" ]; then
        echo "ok $n - $name"
        passed=$((passed + 1))
    else
        echo "not ok $n - $name"
        diff -u "$cases/$name.out" "$got" | sed 's/^/# /'
        failed=$((failed + 1))
    fi
done
rm -rf "$scratch" "$got"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
