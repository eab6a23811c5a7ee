#!/bin/sh
# tools/qemu-riscv64.sh MODE IMAGE ARGS...: boot the riscv64 kernel IMAGE (a flat binary) on QEMU's
# `virt` board with boot arguments ARGS, under Debian's OpenSBI (fw_dynamic: QEMU tells it where the
# kernel is).
#
#   batch    for tests and benchmarks: standard input feeds the serial line, a time limit
#            (ZINC_QEMU_TIMEOUT, 120 s by default), and the kernel's own shutdown status as exit
#            status (124 when the time ran out: a failure).
#   console  interactive: the serial line on this terminal. Ctrl-A X quits QEMU.
#   gdb      like console, but QEMU waits halted for a debugger on port 1234
#            (tools/gdb/riscv64.gdb).
#
# SMP is the number of harts (1 by default).
#
# QEMU emulates riscv64 in software here (its TCG accelerator): there is no hardware to accelerate
# it on an x86_64 host. The kernel ends the run itself (arch/riscv64/cpu.c): through the SBI for a
# success, through the board's test device with the status for a failure, so that QEMU's exit status
# is the kernel's.
mode=$1; image=$2; shift 2
firmware=/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin
[ -f "$firmware" ] || { echo "$0: $firmware is missing (apt-get install opensbi)" >&2; exit 2; }
set -- qemu-system-riscv64 -machine virt -smp "${SMP:-1}" -m 128M -bios "$firmware" \
    -kernel "$image" -append "$*" -no-reboot
case $mode in
batch)
    echo "# qemu-system-riscv64, accelerator: tcg"
    exec timeout "${ZINC_QEMU_TIMEOUT:-120}" "$@" -display none -serial stdio -monitor none ;;
console)
    echo "# QEMU riscv64 virt board: press Ctrl-A X to quit"
    exec "$@" -nographic ;;
gdb)
    echo "# QEMU riscv64 virt board, halted, waiting for gdb on port 1234"
    # A session of its own, so that Ctrl-C in gdb (sent to the terminal's foreground group) reaches
    # gdb only.
    exec setsid "$@" -display none -serial stdio -monitor none -S -s < /dev/null ;;
*)
    echo "usage: $0 batch|console|gdb IMAGE ARGS..." >&2; exit 2 ;;
esac
