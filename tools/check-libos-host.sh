#!/bin/sh
# tools/check-libos-host.sh KERNEL: the LibOS refuses what it cannot do with one line and exit
# status 2.
#
# A machine that cannot run the LibOS must hear why, in one line, with a failing status and no
# kernel panic. This forces each refusal on every machine: a Linux without Syscall User Dispatch (a
# seccomp filter makes the prctl fail, tools/without-sud.c), a thread-pointer path that does not
# exist, and the fsgsbase path where Linux does not offer the instructions (where it does, the same
# run must pass its tests instead). Prints TAP and the closing line.
kernel=$1
top=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0; failed=0
gcc -O2 -Wall -Wextra -Werror -o "$out/without-sud" "$top/tools/without-sud.c" || exit 1

# refuses NAME WORD VALUE [WRAPPER]: zinc test with ZINC_LIBOS_TLS=VALUE (under WRAPPER) exits 2
# with one line that says WORD.
refuses() {
    ZINC_LIBOS_TLS=$3 timeout 60 $4 "$kernel" test > "$out/stdout" 2> "$out/stderr" < /dev/null
    status=$?
    if [ $status -eq 2 ] && [ "$(wc -l < "$out/stderr")" -eq 1 ] && grep -q "$2" "$out/stderr" &&
        ! grep -qi panic "$out/stdout" "$out/stderr"; then
        echo "ok - $1: $(cat "$out/stderr")"; passed=$((passed + 1))
    else
        echo "not ok - $1 (status $status); it printed:"
        sed 's/^/#   /' "$out/stderr" "$out/stdout"
        failed=$((failed + 1))
    fi
}

refuses "a Linux without Syscall User Dispatch is refused" "Syscall User Dispatch" "" \
    "$out/without-sud"
refuses "an unknown thread-pointer path is refused" ZINC_LIBOS_TLS bogus
if grep -qw fsgsbase /proc/cpuinfo; then
    if ZINC_LIBOS_TLS=fsgsbase timeout 300 "$kernel" test > "$out/stdout" 2>&1 < /dev/null; then
        echo "ok - the fsgsbase path, which this Linux offers, runs the tests"
        passed=$((passed + 1))
    else
        echo "not ok - the fsgsbase path failed its tests"; tail -n 20 "$out/stdout"
        failed=$((failed + 1))
    fi
else
    refuses "the fsgsbase path, which this Linux does not offer, is refused" ZINC_LIBOS_TLS fsgsbase
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
