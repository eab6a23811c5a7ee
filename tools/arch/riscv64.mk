# tools/arch/riscv64.mk: the riscv64 bare-metal target, booted on QEMU's `virt` board by Debian's
# OpenSBI.
#
# The kernel runs in supervisor mode with a soft-float ABI (it never touches the floating-point
# registers, which belong to user programs; see arch/riscv64/trap.S), linked in the higher half of
# Sv39 (kernel.ld). It is linked twice: the second link places the symbol table of the first
# (tools/ksyms.sh) after everything else, so that no address moves, and backtraces print names. QEMU
# loads the flat image zinc.bin; gdb reads the ELF file zinc. User programs are built for the
# ordinary Linux ABI (rv64gc, lp64d): they use the floating-point registers freely. `-mno-relax`
# keeps the linker from turning their address computations into gp-relative ones: a program here
# starts with gp unset.

ARCH_DIRS := riscv64 metal
USER_ARCH := riscv64
USER_BASE := 0x400000
CROSS := riscv64-linux-gnu-
CC := $(CROSS)gcc
USER_CC := $(CROSS)gcc -march=rv64gc -mabi=lp64d -mno-relax
USER_OBJCOPY := $(CROSS)objcopy

ARCH_FLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
# -fno-tree-loop-distribute-patterns: else gcc turns the loop inside memset (arch/metal/string.c)
# into a call to memset. -Wframe-larger-than: a kernel stack's guard page (arch/metal/metal.h) is
# one page, and a larger frame could step over it; gcc 12 cannot probe frames a page at a time on
# riscv64.
CFLAGS := -std=gnu11 -O2 -g $(ARCH_FLAGS) -ffreestanding -nostdlib -fno-pic -fno-stack-protector \
	-fno-omit-frame-pointer -fno-tree-loop-distribute-patterns -Wframe-larger-than=4000 \
	$(WARNINGS)
ASFLAGS := -g $(ARCH_FLAGS)
# No C library: only the compiler's freestanding headers, and the kernel's own string.h
# (arch/riscv64/).
# No C library for the kernel: only the compiler's own headers, and after everything else the
# Linux headers of the cross C library (Debian's linux-libc-dev-riscv64-cross), for the numbers
# and structures of Linux's system-call interface that chapter 7 serves.
CPPFLAGS := -DUSER_PROGRAM_BASE=$(USER_BASE)ul -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include) -idirafter /usr/riscv64-linux-gnu/include
LDSCRIPT := $(TOP)/ch01-hal/src/arch/riscv64/kernel.ld
LDFLAGS := $(ARCH_FLAGS) -nostdlib -static -Wl,--build-id=none -Wl,-T,$(LDSCRIPT)

# The first link gets an empty table (ksyms.sh run with `true` as nm lists no symbol), not none at
# all: with the table's symbols undefined the linker would shorten the code that reads them, and the
# addresses after it would move. `cmp` checks that no function moved between the two links.
KSYMS = $(TOP)/tools/ksyms.sh $(1) > $(BUILD)/gen/ksyms.S && \
	$(CC) $(ASFLAGS) -c $(BUILD)/gen/ksyms.S -o $(BUILD)/gen/ksyms.o
LINK_KERNEL = $(call KSYMS,true none) \
	&& $(CC) $(LDFLAGS) -o $@.pass1 $(OBJECTS) $(BLOBS_OBJ) $(BUILD)/gen/ksyms.o \
	&& $(call KSYMS,$(CROSS)nm $@.pass1) \
	&& $(CC) $(LDFLAGS) -o $@.pass2 $(OBJECTS) $(BLOBS_OBJ) $(BUILD)/gen/ksyms.o \
	&& $(CROSS)nm -n $@.pass1 | grep -i ' t ' > $@.pass1.syms \
	&& { $(CROSS)nm -n $@.pass2 | grep -i ' t ' | cmp -s - $@.pass1.syms \
	     || { echo "$@: code moved between the two links" >&2; false; }; } \
	&& $(CROSS)objcopy -O binary $@.pass2 $@.bin && mv $@.pass2 $@
LINK_DEPS := $(LDSCRIPT)

# How to boot: tools/qemu-riscv64.sh starts QEMU with a time limit and the boot arguments.
QEMU := $(TOP)/tools/qemu-riscv64.sh
BOOT := $(QEMU) batch $(KERNEL).bin
BOOT_INTERACTIVE := $(QEMU) console $(KERNEL).bin
GDB_SESSION = $(QEMU) gdb $(KERNEL).bin run $(RUN_ARGS) & \
	gdb-multiarch -q -x $(TOP)/tools/gdb/riscv64.gdb $(KERNEL); \
	kill $$! 2>/dev/null; wait
