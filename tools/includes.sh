#!/bin/sh
# tools/includes.sh ARCH_DIRS TOP CHAPTER...: print the -I flags for one build, latest chapter
# first, so that a header a later chapter replaces is found before the earlier one. Each chapter's
# src/ and tests/ are searched, and its src/arch/NAME/ for every NAME in ARCH_DIRS (where an
# architecture keeps hal_arch.h).
arch_dirs=$1; top=$2; shift 2
chapters=""
for chapter in "$@"; do chapters="$chapter $chapters"; done
for chapter in $chapters; do
    for name in $arch_dirs; do
        [ -d "$top/$chapter/src/arch/$name" ] && printf -- '-I%s ' "$top/$chapter/src/arch/$name"
    done
    [ -d "$top/$chapter/src" ] && printf -- '-I%s ' "$top/$chapter/src"
    [ -d "$top/$chapter/tests" ] && printf -- '-I%s ' "$top/$chapter/tests"
done
echo
