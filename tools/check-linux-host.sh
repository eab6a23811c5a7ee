#!/bin/sh
# tools/check-linux-host.sh PROGRAM...: the Linux test programs named pass on this Linux too.
#
# The conformance suite's programs (user/linux/conform-*.c, each built with musl and with glibc)
# claim what Linux does; Zinc is checked against them. This runs each on the host Linux, as the
# LibOS build made it (static, x86_64), so that the claim is checked and not only believed: each
# must print its TAP verdict with no failure and exit 0. Prints TAP and the closing line.
passed=0; failed=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for program in "$@"; do
    name=$(basename "$program" .elf)
    timeout 300 "$program" > "$out" 2>&1 < /dev/null
    status=$?
    verdict=$(grep -aE '^[0-9]+ passed, 0 failed$' "$out")
    if [ $status -eq 0 ] && [ -n "$verdict" ]; then
        echo "ok - $name on the host: $verdict"; passed=$((passed + 1))
    else
        echo "not ok - $name on the host (status $status); it printed:"
        sed 's/^/#   /' "$out"
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ] && [ $passed -gt 0 ]
