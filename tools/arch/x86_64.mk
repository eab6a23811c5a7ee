# tools/arch/x86_64.mk: the x86_64 bare-metal target, booted by QEMU's multiboot loader (-kernel
# zinc).
#
# The kernel is compiled freestanding for the top 2 GiB of the address space (-mcmodel=kernel),
# without the red zone (a trap pushes its frame right below the interrupted code's stack pointer)
# and without SSE or x87 code (the vector registers belong to user programs; see
# arch/x86_64/context.c). It keeps frame pointers for its backtraces. The host's gcc and C headers
# serve, since it is the same architecture.
#
# It is linked twice (arch/x86_64/kernel.ld): the second link adds the symbol table of the first
# (tools/ksyms.sh), placed after every function, so that backtraces print names; `cmp` checks that
# no function moved. The first link gets an empty table rather than none, so that the two links see
# the same code. User programs are the ones LibOS runs, user/x86_64/*.S.

ARCH_DIRS := x86_64 x86 metal
USER_ARCH := x86_64
USER_BASE := 0x400000
CC := gcc
USER_CC := gcc
USER_OBJCOPY := objcopy
NM := nm

# -fno-tree-loop-distribute-patterns: else gcc turns the loop inside memset (arch/metal/string.c)
# into a call to memset. -fstack-clash-protection: a function whose frame is larger than a page
# (some tests keep a register set of 7 KiB) touches it a page at a time, so that it cannot step over
# a kernel stack's guard page (arch/metal/metal.h).
CFLAGS := -std=gnu11 -O2 -g -ffreestanding -nostdlib -fno-pic -fno-pie -mcmodel=kernel \
	-mno-red-zone \
	-mno-sse -mno-sse2 -mno-mmx -mno-avx -mno-3dnow -fno-stack-protector -fno-omit-frame-pointer \
	-fno-asynchronous-unwind-tables -fno-tree-loop-distribute-patterns -fstack-clash-protection \
	$(WARNINGS)
ASFLAGS := -g
CPPFLAGS := -DUSER_PROGRAM_BASE=$(USER_BASE)ul
# The linker script of the latest chapter that has one.
LDSCRIPT := $(lastword $(foreach c,$(CHAPTERS),$(wildcard $(TOP)/$(c)/src/arch/x86_64/kernel.ld)))
LDFLAGS := -nostdlib -static -no-pie -Wl,--build-id=none -Wl,-T,$(LDSCRIPT) \
	-Wl,-z,max-page-size=0x1000 \
	-Wl,--no-warn-rwx-segments -Wl,-z,noexecstack

KSYMS = $(TOP)/tools/ksyms.sh $(1) > $(BUILD)/gen/ksyms.S && \
	$(CC) $(ASFLAGS) -c $(BUILD)/gen/ksyms.S -o $(BUILD)/gen/ksyms.o
LINK_KERNEL = $(call KSYMS,true none) \
	&& $(CC) $(LDFLAGS) -o $@.pass1 $(OBJECTS) $(BLOBS_OBJ) $(BUILD)/gen/ksyms.o \
	&& $(call KSYMS,$(NM) $@.pass1) \
	&& $(CC) $(LDFLAGS) -o $@ $(OBJECTS) $(BLOBS_OBJ) $(BUILD)/gen/ksyms.o \
	&& $(NM) -n $@.pass1 | grep -i ' t ' > $@.pass1.syms \
	&& $(NM) -n $@ | grep -i ' t ' | cmp -s - $@.pass1.syms
LINK_DEPS := $(LDSCRIPT) $(TOP)/tools/ksyms.sh

# How to boot: tools/qemu-x86_64.sh picks the accelerator, sets a time limit and turns QEMU's exit
# status back into the kernel's.
QEMU := $(TOP)/tools/qemu-x86_64.sh
BOOT := $(QEMU) batch $(KERNEL)
BOOT_INTERACTIVE := $(QEMU) console $(KERNEL)
GDB_SESSION = $(QEMU) gdb $(KERNEL) run $(RUN_ARGS) & \
	gdb-multiarch -q -x $(TOP)/tools/gdb/x86_64.gdb $(KERNEL); \
	kill $$! 2>/dev/null; wait
