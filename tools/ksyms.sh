#!/bin/sh
# tools/ksyms.sh NM KERNEL: write an assembly file holding KERNEL's function symbols, sorted by
# address, as the table that arch/metal/ksyms.c searches (ksym_table, ksym_count).
nm=$1; kernel=$2
echo '    .section .rodata.ksyms, "a"'
echo '    .balign 8'
echo '    .globl ksym_table, ksym_count'
echo 'ksym_count:'
$nm -n --defined-only "$kernel" | awk '$2 ~ /^[tTwW]$/ { n++ } END { printf "    .quad %d\n", n }'
echo 'ksym_table:'
$nm -n --defined-only "$kernel" |
    awk '$2 ~ /^[tTwW]$/ { printf "    .quad 0x%s, ksym_name_%d\n", $1, n++ }'
$nm -n --defined-only "$kernel" |
    awk '$2 ~ /^[tTwW]$/ { printf "ksym_name_%d: .asciz \"%s\"\n", n++, $3 }'
