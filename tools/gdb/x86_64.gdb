# tools/gdb/x86_64.gdb: gdb set-up for the x86_64 kernel under QEMU (make gdb ARCH=x86_64). QEMU
# waits halted on port 1234 before the firmware's first instruction, in real mode with paging off,
# so the breakpoint at kmain (a higher-half address) must be a hardware one: QEMU compares it with
# the virtual instruction pointer, while a software breakpoint would need the address mapped and
# writable now.
set architecture i386:x86-64
set confirm off
target remote localhost:1234
hbreak kmain
continue
