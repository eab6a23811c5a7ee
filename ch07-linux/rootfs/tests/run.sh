#!/bin/sh
# /tests/run.sh [K/N]: chapter 7's busybox suite, run by busybox's shell on Zinc as its first
# process (the e2e tests tests/busybox-K.expect boot with "run /bin/sh /tests/run.sh K/N").
#
# Each case /tests/cases/NAME.sh is a shell script; NAME.out is what Linux gives for it (its
# standard output and error, then "exit N"), written on the host by tools/busybox-expect.sh, which
# runs the case as it is run here: in a fresh scratch directory, with umask 022, no input, only the
# environment of Zinc's first process, the script given to "sh -c" (so that error messages name
# "sh"). This script compares, and prints TAP: "ok I - NAME" or "not ok I - NAME" followed by the
# difference (as "#" lines), and last "P passed, F failed". With K/N it runs only the K-th of N
# parts of the suite (the cases K, K + N, K + 2N... in name order): under an emulator the whole
# suite takes longer than one boot may.
#
# Every program started costs a fork and an exec of busybox, slow under an emulator, so nothing is
# started for a case that passes but the case itself: the files are read and compared by the
# shell's builtins.
cases=/tests/cases
scratch=/tmp/case
got=/tmp/case.out
running=/tmp/case.running
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
    echo "$1" > "$running"
    (
        cd "$scratch" && unset OLDPWD && export SHLVL=0 &&
            exec sh -c "$text" sh
    ) < /dev/null > "$got" 2>&1
    echo "exit $?" >> "$got"
}

# A case that hangs must not hang the suite. Every 20 seconds the watchdog looks at the case
# running; when it is the one it saw last time, it kills every process but itself and pid 1, this
# script (kill -1): the case ends with status 137, and fails. Only as pid 1: on Linux, run as root,
# kill -1 would kill the whole machine.
watchdog() {
    last=
    while sleep 20; do
        read -r now < "$running"
        [ "$now" = "$last" ] && kill -KILL -1
        last=$now
    done
}

# The cases of this part.
part=${1:-1/1}
k=${part%/*} parts=${part#*/}
i=0 list=
for case in "$cases"/*.sh; do
    [ $((i % parts)) -eq $((k - 1)) ] && list="$list $case"
    i=$((i + 1))
done
set -- $list

dog=
[ $$ -eq 1 ] && { watchdog & dog=$!; }
n=0 passed=0 failed=0
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
[ -z "$dog" ] || kill $dog
rm -rf "$scratch" "$got" "$running"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
