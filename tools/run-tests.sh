#!/bin/sh
# tools/run-tests.sh "BOOT" CHAPTER_DIR...: run one build's tests and give the verdict.
#
# BOOT is the command that boots the kernel with the boot arguments that follow it (the LibOS binary itself,
# or a script that starts QEMU). First the kernel's own tests run (boot argument "test"); their TAP is
# checked line by line. Then each end-to-end test, a file CHAPTER/tests/NAME.expect, boots the kernel with
# the arguments on the file's first line ("# boot: ARGS") and checks that every other line of the file
# appears in the output, in order. The last line printed is the total: "N passed, M failed". The script
# exits non-zero on any failure, on a crash, and on a run that reports no result at all.
boot=$1; shift
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0; failed=0

# The in-kernel tests. Their output goes through unchanged, so that failures show file, line and values.
$boot test > "$out/ktest.log" 2>&1
status=$?
cat "$out/ktest.log"
verdict=$(grep -aE '^[0-9]+ passed, [0-9]+ failed$' "$out/ktest.log" | tail -n 1)
if [ -z "$verdict" ] || [ $status -ne 0 ]; then
    echo "# the kernel test run ended with status $status${verdict:+ after: $verdict}"
    [ -n "$verdict" ] || failed=$((failed + 1))
fi
if [ -n "$verdict" ]; then
    passed=$((passed + ${verdict%% passed*}))
    f=${verdict#*passed, }; failed=$((failed + ${f%% failed}))
fi

# The end-to-end tests.
n=0
for dir in "$@"; do
    for expect in "$dir"/tests/*.expect; do
        [ -f "$expect" ] || continue
        n=$((n + 1))
        name=$(basename "$(dirname "$(dirname "$expect")")")/$(basename "$expect" .expect)
        args=$(sed -n '1s/^# boot: *//p' "$expect")
        $boot $args > "$out/e2e.log" 2>&1 < /dev/null
        status=$?
        if [ $status -eq 0 ] && awk 'NR == FNR { if (FNR > 1) want[++n] = $0; next }
                                     i < n && index($0, want[i + 1]) { i++ }
                                     END { exit i < n }' "$expect" "$out/e2e.log"; then
            echo "ok e2e $n - $name"
            passed=$((passed + 1))
        else
            echo "not ok e2e $n - $name (status $status); its output was:"
            sed 's/^/#   /' "$out/e2e.log"
            failed=$((failed + 1))
        fi
    done
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ] && [ $passed -gt 0 ]
