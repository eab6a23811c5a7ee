#!/bin/sh
# tools/bench-linux.sh: `make bench` on the final stage: Zinc against Linux, figure by figure.
#
# One program, final/user/linux/bench.c (static, musl), times the null system call, a pipe round
# trip between two processes, fork+exit+wait, fork+exec+wait and mmap+touch+munmap of 1 MiB. This
# runs it four times, in one go:
#
#   Zinc x86_64    the final kernel in QEMU, booted to its shell by busybox's init;
#   Linux x86_64   Debian's Linux 6.1 (tools/linux-kernel.sh), booted by the same QEMU, same
#                  machine and accelerator, with the same initramfs;
#   Zinc LibOS     the final kernel as a process of this machine;
#   host Linux     the program run directly on this machine's Linux.
#
# Each boot is timed by tools/bench-boot.c, from the start of QEMU (or the LibOS) to the shell's
# prompt, `/ # `, at which it types `bench; poweroff`. Then it prints the table, with the ratio of
# Zinc's figure to Linux's: below 1, Zinc is the faster.
#
# Times depend on the host and on what else it is doing. So the two QEMU runs are made once more
# under TCG with QEMU's instruction count as the guest's clock (ZINC_QEMU_ICOUNT, qemu-x86_64.sh):
# then a nanosecond measured inside is one instruction run, and the second table, the instructions
# each figure took on each kernel, is the same on every machine with the same QEMU. Each run's
# whole output is kept in build/bench/ (zinc-x86_64.log, linux-x86_64.log, the -counted ones,
# zinc-libos.log, host.log).
#
# The same initramfs serves both kernels with one addition for Linux: the device files
# /dev/console and /dev/ttyS0, which Linux's init needs in the archive (its kernel opens the
# console before any program could make it), and which Zinc's kernel makes itself. They are a
# second archive appended to the first, as Linux allows, made here because a device file cannot
# be made without being root (cpio's newc format: a header of 13 hexadecimal fields, the name,
# padding to 4 bytes).
#
# `tools/bench-linux.sh --check`, a job of `make test`, boots the three the same way but types
# `bench quick`, which checks each operation's result and times nothing, and stops there: it proves
# on every machine that the comparison runs (Linux's kernel fetched, both kernels at the prompt,
# the program's work right on each), without a time in any test.
set -e
check=
[ "${1:-}" = --check ] && check=1
top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/build/bench
mkdir -p "$out"
make=${MAKE:-make}
$make -s -C "$top/final" ARCH=x86_64
$make -s -C "$top/final" ARCH=libos
gcc -O2 -Wall -Wextra -Werror -o "$out/bench-boot" "$top/tools/bench-boot.c"
vmlinuz=$top/build/linux-kernel/vmlinuz
[ -f "$vmlinuz" ] || "$top/tools/linux-kernel.sh"

# newc NAME MODE MAJOR MINOR: one entry of a newc archive, with no data (a directory or a device).
newc() {
    size=$((${#1} + 1))
    printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%s\0' \
        0 "$2" 0 0 1 0 0 0 0 "$3" "$4" "$size" 0 "$1"
    head -c $(((4 - (110 + size) % 4) % 4)) /dev/zero
}
{
    cat "$top/final/build/x86_64/gen/initramfs.cpio"
    newc dev 0x41ed 0 0                # a directory, rwxr-xr-x
    newc dev/console 0x2180 5 1        # a character device, rw-------
    newc dev/ttyS0 0x2180 4 64
    newc TRAILER!!! 0 0 0
} > "$out/linux-initramfs.cpio"

# boot NAME COMMAND...: boot to the prompt, type the benchmark, and keep the output in NAME.log.
boot() {
    name=$1; shift
    echo "bench: $name..." >&2
    timeout -k 5 900 "$out/bench-boot" "/ # " "bench${check:+ quick}; poweroff" "$@" \
        > "$out/$name.log" 2>&1 ||
        { echo "bench: $name failed (build/bench/$name.log):" >&2; tail -n 5 "$out/$name.log" >&2;
          exit 1; }
}
ZINC_QEMU_TIMEOUT=900 boot zinc-x86_64 "$top/tools/qemu-x86_64.sh" batch \
    "$top/final/build/x86_64/zinc" run /sbin/init
# Linux gets the accelerator that Zinc's boot chose (KVM only if Zinc's probe passed).
accel=$(sed -n 's/^# qemu-system-x86_64, accelerator: //p' "$out/zinc-x86_64.log" | head -n 1)
ACCEL=$accel boot linux-x86_64 "$top/tools/qemu-x86_64.sh" linux "$vmlinuz" \
    "$out/linux-initramfs.cpio" console=ttyS0 rdinit=/sbin/init quiet
if [ -n "$check" ]; then
    boot zinc-libos "$top/final/build/libos/zinc" run /sbin/init
    for log in zinc-x86_64 linux-x86_64 zinc-libos; do
        works=$(grep -c '^[a-z-]* works' "$out/$log.log" || true)
        grep -q '^boot-to-prompt [0-9]* ms' "$out/$log.log" && [ "$works" -eq 5 ] ||
            { echo "bench: $log: $works of 5 figures worked (build/bench/$log.log)" >&2; exit 1; }
        echo "ok - $log: at the prompt, the benchmark's 5 figures work"
    done
    echo "3 passed, 0 failed"
    exit 0
fi
ZINC_QEMU_ICOUNT=1 ACCEL=tcg ZINC_QEMU_TIMEOUT=900 boot zinc-x86_64-counted \
    "$top/tools/qemu-x86_64.sh" batch "$top/final/build/x86_64/zinc" run /sbin/init
ZINC_QEMU_ICOUNT=1 ACCEL=tcg boot linux-x86_64-counted "$top/tools/qemu-x86_64.sh" linux \
    "$vmlinuz" "$out/linux-initramfs.cpio" console=ttyS0 rdinit=/sbin/init quiet
boot zinc-libos "$top/final/build/libos/zinc" run /sbin/init
echo "bench: host..." >&2
"$top/final/build/libos/linux/bench.elf" > "$out/host.log"

# The tables: a row a figure, from the lines `NAME VALUE UNIT` of the logs.
figures() {
    for log in "$@"; do
        tr -d '\r' < "$out/$log.log" | awk -v run="$log" \
            '$0 ~ /^[a-z-]+ [0-9]+ (ns|us|ms)$/ { print run, $1, $2, $3 }'
    done
}
echo
echo "Zinc against $(cat "$top/build/linux-kernel/VERSION") (QEMU, accelerator: $accel)"
echo "and against this machine's Linux $(uname -r); ratio = Zinc / Linux, below 1: Zinc is faster"
figures zinc-x86_64 linux-x86_64 zinc-libos host | awk '
    { value[$1, $2] = $3; unit[$2] = $4; if (!($2 in seen)) { seen[$2] = 1; order[n++] = $2 } }
    function cell(run, f) { return ((run, f) in value) ? value[run, f] " " unit[f] : "-" }
    function ratio(a, b) {
        if (!((a, f) in value) || !((b, f) in value) || value[b, f] == 0)
            return "-"
        return sprintf("%.2f", value[a, f] / value[b, f])
    }
    END {
        fmt = "%-18s %12s %12s %6s   %12s %12s %6s\n"
        printf fmt, "", "Zinc x86_64", "Linux x86_64", "ratio", "Zinc LibOS", "host Linux", "ratio"
        for (i = 0; i < n; i++) {
            f = order[i]
            printf fmt, f, cell("zinc-x86_64", f), cell("linux-x86_64", f),
                ratio("zinc-x86_64", "linux-x86_64"), cell("zinc-libos", f), cell("host", f),
                ratio("zinc-libos", "host")
        }
    }'
echo
echo "The instructions each took in QEMU (TCG, -icount: the same on every machine)"
figures zinc-x86_64-counted linux-x86_64-counted | awk '
    $2 == "boot-to-prompt" { next } # a host time, not a count
    { count[$1, $2] = $3 * ($4 == "us" ? 1000 : $4 == "ms" ? 1000000 : 1)
      if (!($2 in seen)) { seen[$2] = 1; order[n++] = $2 } }
    END {
        fmt = "%-18s %12s %12s %6s\n"
        printf fmt, "", "Zinc x86_64", "Linux x86_64", "ratio"
        for (i = 0; i < n; i++) {
            f = order[i]; z = count["zinc-x86_64-counted", f]; l = count["linux-x86_64-counted", f]
            printf fmt, f, z, l, l ? sprintf("%.2f", z / l) : "-"
        }
    }'
