#!/bin/sh
# /tests/run.sh: chapter 7's busybox suite, run by busybox's shell on Zinc (the e2e test
# tests/busybox.expect boots with "run /bin/sh /tests/run.sh").
#
# Each case /tests/cases/NAME.sh is a shell script; NAME.out is what Linux gives for it (its
# standard output and error, then "exit N"), written on the host by tools/busybox-expect.sh, which
# runs the case exactly as here: in a fresh scratch directory, with umask 022, no input, only the
# environment of Zinc's first process, the script given to "sh -c", and a time limit. This script
# compares, and prints TAP: "ok N - NAME" or "not ok N - NAME" followed by the difference (as "#"
# lines), and last "P passed, F failed".
cases=/tests/cases
scratch=/tmp/case
got=/tmp/case.out
umask 022
n=0 passed=0 failed=0
set -- "$cases"/*.sh
echo "1..$#"
for case in "$@"; do
    name=${case##*/}
    name=${name%.sh}
    n=$((n + 1))
    rm -rf "$scratch"
    mkdir "$scratch"
    (
        cd "$scratch" &&
            exec env -i HOME=/ PATH=/bin:/sbin:/usr/bin:/usr/sbin TERM=linux \
                timeout 10 sh -c "$(cat "$case")" sh
    ) < /dev/null > "$got" 2>&1
    echo "exit $?" >> "$got"
    if cmp -s "$cases/$name.out" "$got"; then
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
