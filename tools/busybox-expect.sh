#!/bin/sh
# tools/busybox-expect.sh [--check] [CASES_DIR]: write the expectations of chapter 7's busybox
# suite from runs on the host, or (--check) prove that the committed ones are still what the host
# gives.
#
# Each case CASES_DIR/NAME.sh (ch07-linux/rootfs/tests/cases by default) is a busybox shell script;
# its expectation CASES_DIR/NAME.out is what it prints on standard output and error, then a last
# line "exit N" with its exit status. This tool runs each case with the host's busybox (BUSYBOX,
# build/userland/x86_64/busybox by default: Debian's busybox-static, the very binary Zinc runs; its
# shell prefers its own applets to the host's programs) exactly as the suite's runner does on Zinc
# (ch07-linux/rootfs/tests/run.sh): in a fresh scratch directory named "case", with umask 022, no
# input, the environment Zinc's first process gets and nothing else, the script given to "sh -c"
# (so that error messages name "sh", not the script's path). A time limit of 10 seconds keeps a
# case that hangs from hanging the tool.
#
# Without --check it writes every NAME.out (or only those of the cases named in CASES, a list of
# names). With --check it writes nothing and fails, naming each case, when a fresh host run
# differs from the committed NAME.out: the expectations cannot drift from what Linux does.
top=$(cd "$(dirname "$0")/.." && pwd)
mode=write
[ "$1" = --check ] && { mode=check; shift; }
dir=$(realpath "${1:-$top/ch07-linux/rootfs/tests/cases}") || exit 2
bb=$(realpath "${BUSYBOX:-$top/build/userland/x86_64/busybox}") || exit 2
[ -x "$bb" ] || { echo "$0: no busybox at $bb" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
differ=0

# Run the case $1 in a fresh directory; print its output and its "exit N" line.
run_case() {
    script=$(cat "$1")
    rm -rf "$scratch/case"
    mkdir "$scratch/case"
    (
        cd "$scratch/case" && umask 022 &&
            exec "$bb" env -i HOME=/ PATH=/bin:/sbin:/usr/bin:/usr/sbin TERM=linux \
                "$bb" timeout 10 "$bb" sh -c "$script" sh
    ) < /dev/null 2>&1
    echo "exit $?"
}

for case in "$dir"/*.sh; do
    name=$(basename "$case" .sh)
    if [ -n "$CASES" ]; then
        case " $CASES " in *" $name "*) ;; *) continue ;; esac
    fi
    run_case "$case" > "$scratch/out"
    if [ $mode = write ]; then
        cp "$scratch/out" "$dir/$name.out"
    elif ! cmp -s "$scratch/out" "$dir/$name.out"; then
        echo "$name: the host gives:"
        diff -u "$dir/$name.out" "$scratch/out" | sed 's/^/    /'
        differ=$((differ + 1))
    fi
done
if [ $mode = check ] && [ $differ -gt 0 ]; then
    echo "$differ expectations differ from the host's busybox" >&2
    exit 1
fi
