#!/bin/sh
# tools/qemu-x86_64.sh MODE KERNEL ARGS...: boot the x86_64 kernel KERNEL (a multiboot ELF file) on
# QEMU's PC with boot arguments ARGS.
#
#   batch    for tests and benchmarks: the serial line on standard input (unless that is a
#            terminal) and output, a time limit (ZINC_QEMU_TIMEOUT seconds, 120 by default), and
#            the kernel's own shutdown status as exit status (124 when the time ran out: a failure).
#   console  interactive: the serial line on this terminal. Ctrl-A X quits QEMU.
#   gdb      QEMU waits halted for a debugger on port 1234 (tools/gdb/x86_64.gdb), always under TCG.
#   linux    `linux VMLINUZ INITRD ARGS...`: another kernel on the same machine, for the benchmarks
#            against Linux (tools/bench-linux.sh): Linux's image VMLINUZ with the initramfs INITRD
#            and the command line ARGS, the serial line on standard input and output, under
#            ACCEL (tcg by default). The exit status is QEMU's: 0 when Linux powers off.
#
# SMP is the number of CPUs (1 by default). ZINC_QEMU_ICOUNT=1 (under TCG) makes the guest's clock
# count instructions, one a nanosecond: a time measured inside is then the number of instructions
# the guest ran, the same on every host however busy (tools/bench-linux.sh).
#
# The accelerator: ACCEL=kvm or ACCEL=tcg forces one. Otherwise KVM is used only if /dev/kvm opens
# and a quick probe proves that KVM runs this very kernel: a boot that must pass a few kernel tests
# of user mode, faults and the timer, within ZINC_KVM_PROBE_TIMEOUT seconds (15 by default). On some
# hosts /dev/kvm opens, yet guests fail under it (nested virtualization that does not support the
# CPU model, or that gets system calls wrong). The probe's answer is kept beside the kernel
# (KERNEL.accel) until the kernel is rebuilt. Everything else runs under TCG, QEMU's own emulator.
#
# The kernel ends the run by writing its status plus one to QEMU's isa-debug-exit device
# (arch/x86_64/cpu.c), which makes QEMU exit with 2 x status + 3. Any other exit status of QEMU is
# not a verdict of the kernel: 1 is QEMU's own error, 0 a reset (a triple fault, with -no-reboot) or
# a quit.
mode=$1; kernel=$2; shift 2
launch=
[ -f "$kernel" ] || { echo "$0: no kernel $kernel" >&2; exit 2; }

probe_tests="user_hello_runs syscall_preserves_registers user_cannot_execute_data_page"
probe_tests="$probe_tests timer_does_not_fire_early"

# qemu ACCEL CMDLINE OPTION...: boot the kernel (prefixing the command with $launch, if set).
qemu() {
    case $1 in
    kvm) accel="-accel kvm -cpu host" ;;
    *) accel="-accel tcg -cpu max${ZINC_QEMU_ICOUNT:+ -icount shift=0}" ;;
    esac
    cmdline=$2; shift 2
    set -- qemu-system-x86_64 $accel -m 256M -smp "${SMP:-1}" -nodefaults -no-reboot \
        -device isa-debug-exit,iobase=0xf4,iosize=0x04 -kernel "$kernel" -append "$cmdline" "$@"
    $launch "$@"
}

# The kernel's status from QEMU's.
verdict() {
    if [ "$1" -eq 124 ]; then
        echo "# QEMU stopped: no verdict within ${ZINC_QEMU_TIMEOUT:-120} s" >&2
        return 124
    fi
    if [ "$1" -ge 3 ] && [ $(($1 % 2)) -eq 1 ]; then
        return $((($1 - 3) / 2))
    fi
    echo "# QEMU ended without the kernel's verdict (exit status $1)" >&2
    return 125
}

choose_accel() {
    case ${ACCEL:-} in
    kvm | tcg) echo "$ACCEL"; return ;;
    "") ;;
    *) echo "$0: ACCEL must be kvm or tcg" >&2; exit 2 ;;
    esac
    if ! { : <>/dev/kvm; } 2>/dev/null; then
        echo tcg
        return
    fi
    cache=$kernel.accel
    if [ -f "$cache" ] && [ "$cache" -nt "$kernel" ]; then
        cat "$cache"
        return
    fi
    out=$(timeout -k 2 "${ZINC_KVM_PROBE_TIMEOUT:-15}" "$0" probe "$kernel" </dev/null 2>&1)
    if [ $? -eq 0 ] && echo "$out" | grep -q "^$(echo $probe_tests | wc -w) passed, 0 failed"; then
        echo kvm | tee "$cache"
    else
        echo tcg | tee "$cache"
    fi
}

case $mode in
batch)
    accel=$(choose_accel) || exit 2
    echo "# qemu-system-x86_64, accelerator: $accel"
    [ -t 0 ] && exec </dev/null
    # In the foreground process group, so that Ctrl-C reaches QEMU too.
    timeout --foreground -k 5 "${ZINC_QEMU_TIMEOUT:-120}" "$0" run-"$accel" "$kernel" "$@"
    verdict $? ;;
probe)
    # The KVM probe: kernel tests of user mode, traps and the timer under KVM, with the kernel's
    # status.
    qemu kvm "test $probe_tests" -display none -serial stdio -monitor none </dev/null
    verdict $? ;;
run-kvm | run-tcg)
    # batch's QEMU, run by timeout (which cannot run a shell function), in place of this script:
    # timeout stops what it started, and only that.
    launch=exec
    qemu "${mode#run-}" "$*" -display none -serial stdio -monitor none ;;
console)
    accel=$(choose_accel) || exit 2
    echo "# QEMU PC (x86_64, accelerator: $accel): press Ctrl-A X to quit"
    qemu "$accel" "$*" -display none -serial mon:stdio
    status=$?
    [ $status -eq 0 ] && exit 0 # quit by hand
    verdict $status ;;
gdb)
    echo "# QEMU PC (x86_64, accelerator: tcg), halted, waiting for gdb on port 1234"
    # QEMU replaces this script, so that the caller can stop it by its pid; in a session of its own,
    # so that Ctrl-C in gdb (sent to the terminal's foreground group) reaches gdb only.
    launch="exec setsid"
    qemu tcg "$*" -display none -serial stdio -monitor none -S -s </dev/null ;;
linux)
    initrd=$1; shift
    echo "# qemu-system-x86_64, accelerator: ${ACCEL:-tcg}"
    qemu "${ACCEL:-tcg}" "$*" -initrd "$initrd" -display none -serial stdio -monitor none ;;
*)
    echo "usage: $0 batch|console|gdb|linux KERNEL ARGS..." >&2; exit 2 ;;
esac
