#!/bin/bash
# tools/make-test.sh "STAGE..." "TARGET...": `make test`, every stage on every target, a job per
# core.
#
# The tests are independent jobs: one stage on one target (the build and its run), the LibOS checks,
# the labs, the book and the column check. Each is one process at a time (a serial build, then a
# kernel that runs on one CPU of the host or of QEMU's TCG), so this runs as many jobs at once as
# the machine has cores (TEST_JOBS to choose). A job's output goes to build/test-logs/NAME.log. The
# results come out in the order of the list below, whatever order the jobs end in: for a job that
# passed, its "== stage: target" line (with the time it took) and its verdict (its last "N passed, M
# failed", or the summaries of the labs, the book and the columns); for a job that failed, its
# whole log, so that the reader sees why. Every job runs even when one fails, so that one run shows
# every failure; the exit status is non-zero if any failed.
#
# A job may wait for others: the runs that reuse a LibOS build (the thread-pointer run, the host
# check, the labs, which grade the reference tree) start after the job that made it, so that two
# builds never write one directory. The long jobs that wait for nothing (the book) start first, so
# that the run does not end with one of them alone on one core.
read -ra stages <<< "$1"
read -ra metal <<< "$2"
make=${MAKE:-make}
logs=build/test-logs
rm -rf "$logs"
mkdir -p "$logs"

names=() titles=() afters=() commands=() early=() late=()
# job [--early] NAME TITLE AFTER COMMAND: run the shell COMMAND once the jobs named in AFTER have
# ended; --early starts it before the jobs listed earlier (its result is still printed in its
# place).
job() {
    if [ "$1" = --early ]; then early+=(${#names[@]}); shift; else late+=(${#names[@]}); fi
    names+=("$1") titles+=("$2") afters+=("$3") commands+=("$4")
}
job columns "columns: every source the book may show keeps to 100 columns" "" \
    tools/check-columns.sh
first=${stages[0]}
# The latest chapter: the final stage, after it, runs only its own tests (final/Makefile).
for c in "${stages[@]}"; do
    case $c in ch*) latest=$c ;; esac
done
libos_jobs=""
for c in "${stages[@]}"; do
    job "$c-libos" "$c: libos" "" "$make -s -C $c test ARCH=libos"
    libos_jobs="$libos_jobs $c-libos"
done
job labs "labs: the reference passes, the stripped tree fails exactly the labs' tests" \
    "$libos_jobs" \
    tools/check-labs.sh
# Chapter 1 and the latest stage again with the thread pointer switched by system calls (the path of
# CPUs without fsgsbase, forced here whatever this CPU has), and the LibOS's refusals.
for c in $(printf '%s\n' "$first" "$latest" | sort -u); do
    job "$c-libos-tls" \
        "$c: libos, thread pointer switched with arch_prctl (ZINC_LIBOS_TLS=syscall)" \
        "$c-libos" "ZINC_LIBOS_TLS=syscall $make -s -C $c test ARCH=libos"
done
job libos-host "libos: a host that cannot run it is told why" "$first-libos" \
    "tools/check-libos-host.sh $first/build/libos/zinc"
job linux-host "$latest: the conformance suite's programs pass on this Linux too" "$latest-libos" \
    "tools/check-linux-host.sh $latest/build/libos/linux/*conform-*.elf"
for c in "${stages[@]}"; do
    job "$c-libos-san" "$c: libos with AddressSanitizer and UndefinedBehaviorSanitizer" "" \
        "$make -s -C $c test ARCH=libos SAN=1"
done
for c in "${stages[@]}"; do
    for a in "${metal[@]}"; do
        job "$c-$a" "$c: $a" "" "$make -s -C $c test ARCH=$a"
    done
done
# make bench's boots of Zinc and of Linux, timing nothing, once the final stage's own jobs have
# built it for x86_64 and LibOS (the script builds them, and two builds must not share a directory).
final=${stages[${#stages[@]} - 1]}
if [ "$final" = final ]; then
    job bench-linux "final: make bench boots Zinc and Linux, and the benchmark works on each" \
        "final-libos final-x86_64" "MAKE=$make tools/bench-linux.sh --check"
fi
job --early book "book: built from the sources, opened in Chromium" "" tools/check-book.sh

# The runner. state[i]: "" (waiting), "running", or the exit status; pid_job maps a process to its
# job.
n=${#names[@]}
slots=${TEST_JOBS:-$(nproc)}
state=() started=() took=()
declare -A pid_job status_of
running=0 printed=0 failed=()
begin=$SECONDS

ready() { # I: every job that job I waits for has ended
    local a
    for a in ${afters[$1]}; do
        [ -n "${status_of[$a]}" ] || return 1
    done
}

start_ready() {
    local i
    for i in "${early[@]}" "${late[@]}"; do
        ((running < slots)) || break
        if [ -n "${state[i]}" ] || ! ready "$i"; then continue; fi
        state[i]=running started[i]=$SECONDS
        (eval "${commands[i]}") > "$logs/${names[i]}.log" 2>&1 < /dev/null &
        pid_job[$!]=$i
        running=$((running + 1))
    done
}

# Print the results of the jobs that have ended, in the list's order, up to the first still
# unfinished.
print_ended() {
    local i log
    while ((printed < n)) && [ -n "${state[printed]}" ] && [ "${state[printed]}" != running ]; do
        i=$printed log=$logs/${names[i]}.log
        if [ "${state[i]}" -eq 0 ]; then
            echo "== ${titles[i]} (${took[i]} s)"
            grep -aE '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1
            grep -aE '^(labs|book|columns): ' "$log"
        else
            echo "== ${titles[i]} (${took[i]} s): FAILED with status ${state[i]}; its log ($log):"
            cat "$log"
            failed+=("${names[i]}")
        fi
        printed=$((printed + 1))
    done
}

start_ready
while ((running > 0)); do
    wait -n -p pid
    status=$?
    i=${pid_job[$pid]}
    state[i]=$status took[i]=$((SECONDS - started[i])) status_of[${names[i]}]=$status
    running=$((running - 1))
    start_ready
    print_ended
done

if ((printed < n)); then
    echo "== make test: ${names[printed]} waits for a job that is not in the list"
    exit 1
fi
echo "== make test: $n jobs in $((SECONDS - begin)) s, $slots at a time; logs in $logs/"
if [ ${#failed[@]} -gt 0 ]; then
    echo "== make test: ${#failed[@]} of $n jobs FAILED: ${failed[*]}"
    exit 1
fi
echo "== make test: all $n jobs passed"
