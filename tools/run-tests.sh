#!/bin/sh
# tools/run-tests.sh "BOOT" CHAPTER_DIR...: run one build's tests and give the verdict.
#
# BOOT is the command that boots the kernel with the boot arguments that follow it (the LibOS binary
# itself, or a script that starts QEMU). First the kernel's own tests run (boot argument "test");
# their TAP is checked line by line. Then each end-to-end test, a file CHAPTER/tests/NAME.expect,
# boots the kernel with the arguments on the file's first line ("# boot: ARGS") and checks that
# every other line of the file appears in the output, in order. An optional line "# input: TEXT" is
# typed on the console (with a newline) once the first expected line has appeared, as a person would
# type at a prompt: a machine that is still booting may drop what it is sent too early. A line "#
# tap" makes the test a test *program*: the TAP lines it prints ("ok N - NAME", "not ok N - NAME")
# count one by one in the total, and its own closing verdict must be there. A line "# time limit:
# SECONDS" gives a test more time than QEMU's wrapper allows by default (a stress test, emulated on
# a busy machine). The last line printed is the total: "N passed, M failed". The script exits
# non-zero on any failure, on a crash, and on a run that reports no result at all.
boot=$1; shift
# No run may hang the test: each boot has a time limit (QEMU's own wrapper has a shorter one).
limit="timeout -k 5 ${ZINC_TEST_TIMEOUT:-600}"
qemu_limit=${ZINC_QEMU_TIMEOUT:-120}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0; failed=0

# The in-kernel tests. Their output goes through unchanged, so that failures show file, line and
# values.
$limit $boot test > "$out/ktest.log" 2>&1 < /dev/null
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

# Boot with ARGS, and type the input line of EXPECT once its first expected line shows in the
# output.
boot_typing() {
    expect=$1; shift
    prompt=$(grep -v '^# ' "$expect" | head -n 1)
    rm -f "$out/in"; mkfifo "$out/in"
    $limit $boot "$@" > "$out/e2e.log" 2>&1 < "$out/in" &
    pid=$!
    exec 3> "$out/in"
    tries=0
    while ! grep -qaF "$prompt" "$out/e2e.log" && kill -0 $pid 2>/dev/null &&
        [ $tries -lt 1200 ]; do
        sleep 0.1; tries=$((tries + 1))
    done
    sed -n 's/^# input: *//p' "$expect" >&3
    exec 3>&-
    wait $pid
}

# Add a test program's TAP lines (in $out/e2e.log) to the totals; its verdict line must be there
# too.
count_tap() {
    grep -aE '^(not )?ok [0-9]+ - ' "$out/e2e.log" | sed "s/^/  /"
    ok=$(grep -acE '^ok [0-9]+ - ' "$out/e2e.log")
    not_ok=$(grep -acE '^not ok [0-9]+ - ' "$out/e2e.log")
    passed=$((passed + ok)); failed=$((failed + not_ok))
    if [ "$2" -ne 0 ] || ! grep -aqE '^[0-9]+ passed, [0-9]+ failed$' "$out/e2e.log" ||
        [ $ok -eq 0 ]; then
        echo "not ok e2e $n - $1 (status $2, no verdict or no test); its output was:"
        sed 's/^/#   /' "$out/e2e.log"
        failed=$((failed + 1))
    elif [ $not_ok -gt 0 ]; then
        echo "# $1: $not_ok failed; its output was:"
        sed 's/^/#   /' "$out/e2e.log"
    fi
}

# The end-to-end tests.
n=0
for dir in "$@"; do
    for expect in "$dir"/tests/*.expect; do
        [ -f "$expect" ] || continue
        n=$((n + 1))
        name=$(basename "$(dirname "$(dirname "$expect")")")/$(basename "$expect" .expect)
        args=$(sed -n '1s/^# boot: *//p' "$expect")
        seconds=$(sed -n 's/^# time limit: *//p' "$expect")
        export ZINC_QEMU_TIMEOUT="${seconds:-$qemu_limit}"
        if grep -q '^# input:' "$expect"; then
            boot_typing "$expect" $args
        else
            $limit $boot $args > "$out/e2e.log" 2>&1 < /dev/null
        fi
        status=$?
        if grep -q '^# tap' "$expect"; then
            count_tap "$name" "$status"
            continue
        fi
        if [ $status -eq 0 ] &&
            awk 'NR == FNR { if (!/^# (boot|input|tap|time limit)/) want[++n] = $0; next }
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
