# tools/arch/libos.mk: the LibOS target. The kernel is an ordinary Linux program, built with the
# host's gcc. SAN=1 builds it with the address and undefined-behaviour sanitizers (make test runs
# both builds). Its user programs run natively on the host's CPU, so the host must be x86_64:
# anywhere else, say so at once rather than with an assembler error.
HOST_MACHINE := $(shell uname -m)
ifneq ($(HOST_MACHINE),x86_64)
$(error the LibOS runs on x86_64 Linux hosts only, and this one is $(HOST_MACHINE); run Zinc \
	in QEMU instead: make run ARCH=x86_64 (or ARCH=riscv64))
endif

ARCH_DIRS := libos x86
USER_ARCH := x86_64
USER_BASE := 0x400000
CC := gcc
USER_CC := gcc
USER_OBJCOPY := objcopy

CFLAGS := -std=gnu11 -O2 -g -fno-omit-frame-pointer -pthread $(WARNINGS)
ASFLAGS := -g
CPPFLAGS := -DUSER_PROGRAM_BASE=$(USER_BASE)ul -D_GNU_SOURCE
LDFLAGS := -pthread -rdynamic

ifneq ($(SAN),)
CFLAGS += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

LINK_KERNEL = $(CC) $(LDFLAGS) -o $@ $(OBJECTS) $(BLOBS_OBJ)
LINK_DEPS :=

# How to boot the kernel with some boot arguments, and interactively.
BOOT := $(KERNEL)
BOOT_INTERACTIVE := $(KERNEL)
GDB_SESSION = gdb -q -x $(TOP)/tools/gdb/libos.gdb --args $(KERNEL) run $(RUN_ARGS)
