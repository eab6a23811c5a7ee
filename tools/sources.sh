#!/bin/sh
# tools/sources.sh ARCH_DIRS TOP CHAPTER...: print the kernel's source files for one build.
#
# Every .c and .S under each chapter's src/ and tests/ takes part, except those under arch/NAME/
# where NAME is not one of ARCH_DIRS. When two chapters hold a file at the same relative path, the
# later chapter's file replaces the earlier one: that is how a chapter rebuilds a piece it must
# change.
arch_dirs=$1; top=$2; shift 2
for chapter in "$@"; do
    for part in src tests; do
        [ -d "$top/$chapter/$part" ] || continue
        (cd "$top/$chapter" && find "$part" -name '*.[cS]' | sort) | while read -r rel; do
            case "$rel" in
            */arch/*)
                name=${rel#*/arch/}; name=${name%%/*}
                case " $arch_dirs " in *" $name "*) ;; *) continue ;; esac ;;
            esac
            printf '%s %s\n' "$rel" "$top/$chapter/$rel"
        done
    done
done | awk '{ path[$1] = $2; if (!($1 in seen)) { order[n++] = $1; seen[$1] = 1 } }
            END { for (i = 0; i < n; i++) print path[order[i]] }'
