# tools/gdb/riscv64.gdb: gdb set-up for the riscv64 kernel under QEMU (make gdb ARCH=riscv64). QEMU
# waits halted on port 1234 before the firmware's first instruction. The MMU is still off then, so
# the breakpoint at kmain (a higher-half address) must be a hardware one: QEMU checks it against the
# virtual program counter, while a software breakpoint would need the address writable now.
set architecture riscv:rv64
set confirm off
target remote localhost:1234
hbreak kmain
continue
