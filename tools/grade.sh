#!/bin/sh
# tools/grade.sh [--chapter CHAPTER] [LAB...]: grade the labs (`make grade`, `make -C chNN grade`).
#
# For each lab (all labs of every written chapter, of one chapter, or those named), boots the lab's
# chapter with the lab's tests only (`make -C CHAPTER ktest TESTS=...`, on ARCH, libos by default)
# and reads the kernel's TAP. Prints a table (lab, tests passed, points) and the total. The labs and
# their tests and points are listed in CHAPTER/labs/labs.txt.
#
# The grader believes only a well-formed run: the plan line "1..N" with N the number of tests asked
# for, each test reported exactly once as "ok K - NAME" or "not ok K - NAME" under its own number,
# one verdict "P passed, F failed" that agrees with those lines, and an exit status that agrees with
# the verdict. So printing a pass line does not pass: the extra line breaks the run's form and the
# lab scores nothing (and many tests draw their expected values at run time, with ktest_random(), so
# no fixed answer fits them). In a student tree (tools/labs.sh), the grader first checks
# .lab-manifest, so the tests and the harness are the ones handed out. Each boot has a generous
# timeout (GRADE_TIMEOUT seconds, 300 by default) for slow virtual machines.
#
# A lab whose tests ran and failed gets its score. A lab whose tests did not run (the chapter does
# not build, the kernel does not boot, crashes or runs out of time, or its report is malformed) is
# not a score of 0 but a lab that could not be graded: the table says why, and where the run's log
# is kept (build/grade/LAB.log). The exit status lets a script tell: 0 for full marks, 1 for a lower
# score, 2 when a lab could not be graded or the handed-out files were changed.
top=$(cd "$(dirname "$0")/.." && pwd)
arch=${ARCH:-libos}
limit=${GRADE_TIMEOUT:-300}
chapters=""
if [ "$1" = "--chapter" ]; then chapters=$2; shift 2; fi
[ -n "$chapters" ] || chapters=$(cd "$top" && for m in ch*/Makefile; do dirname "$m"; done)
wanted="$*"

if [ -f "$top/.lab-manifest" ]; then
    if ! (cd "$top" && sha256sum --quiet -c .lab-manifest >/dev/null 2>&1); then
        echo "grade: these files differ from the ones handed out; restore them to be graded:" >&2
        (cd "$top" && sha256sum --quiet -c .lab-manifest 2>&1 | sed 's/^/grade:   /' >&2)
        exit 2
    fi
fi

logs=$top/build/grade
mkdir -p "$logs"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The one place results are believed: a run's log, its exit status, and the tests it was asked to
# run. Prints the number of those tests that passed, or "bad" with a reason.
judge() { # LOG STATUS TEST...
    log=$1 status=$2; shift 2
    awk -v status="$status" -v tests="$*" '
    BEGIN { n = split(tests, want, " "); for (i = 1; i <= n; i++) asked[want[i]] = 1 }
    /^1\.\.[0-9]+$/ { plans++; plan = substr($0, 4) + 0; next }
    /^(not )?ok [0-9]+ - [A-Za-z0-9_]+$/ {
        good = $1 == "ok"; k = good ? $2 : $3; name = $NF
        if (!(name in asked) || (name in seen) || (k in numbered)) {
            bad = "the test " name " is reported twice or was not asked for"; next
        }
        seen[name] = 1; numbered[k] = 1; count++
        if (good) passed++; else failed++
        next
    }
    /^[0-9]+ passed, [0-9]+ failed$/ { verdicts++; vp = $1 + 0; vf = $3 + 0; next }
    END {
        if (bad == "" && plans != 1) bad = "the run has " plans + 0 " plan lines"
        if (bad == "" && plan != n) bad = "the plan runs " plan " tests, not " n
        if (bad == "" && count != n) bad = count + 0 " of " n " tests reported"
        for (k = 1; bad == "" && k <= n; k++)
            if (!(k in numbered)) bad = "test number " k " is missing"
        if (bad == "" && verdicts != 1) bad = "the run has " verdicts + 0 " verdicts"
        if (bad == "" && (vp != passed + 0 || vf != failed + 0))
            bad = "the verdict does not match the tests"
        if (bad == "" && (status == 0) != (failed + 0 == 0))
            bad = "the exit status " status " does not match the verdict"
        if (bad != "") print "bad " bad; else print passed + 0
    }' "$log"
}

printf '%-22s %-9s %-13s %s\n' "lab" "arch" "tests passed" "points"
for ch in $chapters; do
    list=$top/$ch/labs/labs.txt
    [ -f "$list" ] || continue
    built=""
    "$top"/tools/list-lines.sh "$list" | while read -r lab points tests; do
        [ -n "$lab" ] || continue
        if [ -n "$wanted" ] && ! echo " $wanted " | grep -q " $lab "; then continue; fi
        n=$(echo $tests | wc -w)
        log=$logs/$lab.log
        if [ -z "$built" ]; then
            make -s -C "$top/$ch" all ARCH="$arch" > "$logs/$ch-build.log" 2>&1 &&
                built=ok || built=failed
        fi
        if [ "$built" = ok ]; then
            timeout "$limit" make -s -C "$top/$ch" ktest ARCH="$arch" TESTS="$tests" \
                < /dev/null > "$log" 2>&1
            status=$?
            result=$(judge "$log" "$status" $tests)
            case $result in
            bad*) why=${result#bad } ;;
            esac
            if [ $status -eq 124 ]; then why="the kernel ran out of time (${limit} s)"
            elif [ "$why" = "the run has 0 plan lines" ]; then
                why="the kernel did not boot or stopped before its tests (exit status $status)"
            fi
        else
            result=bad log=$logs/$ch-build.log why="$ch does not build on $arch"
        fi
        case $result in
        bad*)
            printf '%-22s %-9s %-13s %s\n' "$lab" "$arch" "-/$n" "not graded: its tests did not run"
            echo "    why: $why"
            echo "    log: ${log#$top/}"
            grep -av '^\(ok\|not ok\|#\)' "$log" | tail -n 3 | sed 's/^/    | /'
            echo "0 $points ungraded" >> "$work/scores" ;;
        *)
            score=$((points * result / n))
            printf '%-22s %-9s %-13s %s\n' "$lab" "$arch" "$result/$n" "$score/$points"
            [ "$result" = "$n" ] || grep -aE '^(not ok|#)' "$log" | head -n 20 | sed 's/^/    /'
            echo "$score $points" >> "$work/scores" ;;
        esac
        why=""
    done
done
if [ ! -f "$work/scores" ]; then
    echo "grade: no lab matches${wanted:+ $wanted}" >&2
    exit 2
fi
awk '{ s += $1; m += $2 } END { printf "%-22s %-9s %-13s %d/%d\n", "total", "", "", s, m }' \
    "$work/scores"
ungraded=$(grep -c ungraded "$work/scores")
if [ "$ungraded" -gt 0 ]; then
    echo "grade: $ungraded lab(s) could not be graded, because their tests did not run:" \
        "see why above" >&2
    exit 2
fi
awk '{ s += $1; m += $2 } END { exit s < m }' "$work/scores"
