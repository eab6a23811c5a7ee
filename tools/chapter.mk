# tools/chapter.mk: the rules every chapter shares.
#
# A chapter's Makefile says three things: its name (CHAPTER), the chapter before it (PREVIOUS), and
# `include ../tools/chapter.mk`. From PREVIOUS this file walks back to chapter 1 and builds all of
# those chapters' sources together: chapter N's kernel is chapters 1..N layered. A file in a later
# chapter with the same path as an earlier one replaces it (tools/sources.sh decides which files
# take part).
#
# Targets: all (the kernel image), test, run, bench, qemu, gdb, clean. ARCH=libos|x86_64|riscv64
# picks the target; tools/arch/$(ARCH).mk says how to compile, link and boot for it. For the labs:
# ktest TESTS="NAME..." runs only the kernel tests named, and grade [LAB=ID] grades this chapter's
# labs (tools/grade.sh).

TOP := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))/..)
ARCH ?= libos
SAN ?=

prev_of = $(shell sed -n 's/^PREVIOUS *:= *//p' $(TOP)/$(1)/Makefile)
chain = $(if $(1),$(call chain,$(call prev_of,$(1))) $(1))
CHAPTERS := $(strip $(call chain,$(CHAPTER)))

BUILD := $(TOP)/$(CHAPTER)/build/$(ARCH)$(if $(SAN),-san)
KERNEL := $(BUILD)/zinc

WARNINGS := -Wall -Wextra -Werror -Wno-unused-parameter
include $(TOP)/tools/arch/$(ARCH).mk
# Keep definitions in source order, so that table entries (tests above all) run in the order they
# are written.
CFLAGS += -fno-toplevel-reorder

SOURCES := $(shell $(TOP)/tools/sources.sh "$(ARCH_DIRS)" $(TOP) $(CHAPTERS))
INCLUDES := $(shell $(TOP)/tools/includes.sh "$(ARCH_DIRS)" $(TOP) $(CHAPTERS))
obj_of = $(BUILD)/obj/$(patsubst $(TOP)/%,%,$(1)).o
OBJECTS := $(foreach s,$(SOURCES),$(call obj_of,$(s)))

# User programs: user/$(USER_ARCH)/NAME.S in any chapter, linked at the user base, packed into the
# image.
USER_SOURCES := $(foreach c,$(CHAPTERS),$(wildcard $(TOP)/$(c)/user/$(USER_ARCH)/*.S))
USER_BINS := $(foreach s,$(USER_SOURCES),$(BUILD)/user/$(basename $(notdir $(s))).bin)
BLOBS_OBJ := $(BUILD)/gen/blobs.o

# Zircon programs (chapter 3 on): each user/NAME.c of any chapter is a program, and so is each
# directory user/NAME/ (lib/ and chapter 7's linux/ excepted), made of the .c files of that
# directory in every chapter: a later chapter adds tests to chapter 3's user/core-tests/ by adding
# files. Each is linked with the user library (user/lib/ and user/lib/$(USER_ARCH)/ of every
# chapter, and the libzircon stubs generated from the syscall lists) into a static ELF program at
# USER_BASE. They travel in the kernel image too: that is the boot filesystem.
ZX_SOURCES := $(foreach c,$(CHAPTERS),$(wildcard $(TOP)/$(c)/user/*.c))
ZX_DIR_FILES := $(foreach c,$(CHAPTERS),$(wildcard $(TOP)/$(c)/user/*/*.c))
ZX_DIRS := $(sort $(filter-out lib linux,$(notdir $(patsubst %/,%,$(dir $(ZX_DIR_FILES))))))
ZX_DIR_SOURCES = $(foreach c,$(CHAPTERS),$(wildcard $(TOP)/$(c)/user/$(1)/*.c))
ZX_PROGRAMS := $(foreach s,$(ZX_SOURCES),$(BUILD)/zircon/$(basename $(notdir $(s))).elf) \
	$(foreach d,$(ZX_DIRS),$(BUILD)/zircon/$(d).elf)
ULIB_SOURCES := $(foreach c,$(CHAPTERS),$(wildcard $(TOP)/$(c)/user/lib/*.c \
	$(TOP)/$(c)/user/lib/$(USER_ARCH)/*.[cS]))
ULIB_INCLUDES := -I$(BUILD)/gen/user/include $(foreach c,$(CHAPTERS),$(addprefix -I,$(wildcard \
	$(TOP)/$(c)/user/lib $(TOP)/$(c)/user/lib/$(USER_ARCH) $(TOP)/$(c)/user/common)) \
	$(patsubst %/zircon,-I%,$(wildcard $(TOP)/$(c)/src/zircon)))
# Code, read-only data and data in segments of their own (separate-code), so that each gets only the
# permissions it needs, on every architecture.
ZX_LDFLAGS := -Wl,-Ttext-segment=$(USER_BASE) -Wl,-z,separate-code -Wl,--build-id=none
ULIB_CFLAGS := -std=gnu11 -O2 -g -fno-toplevel-reorder -ffreestanding -nostdlib -static -fno-pic \
	-fno-pie -no-pie \
	-fno-stack-protector -fno-omit-frame-pointer -fno-tree-loop-distribute-patterns $(WARNINGS)

# Linux programs (chapter 7 on): each user/linux/NAME.c of any chapter is a static Linux program,
# built against musl with the compiler tools/linux-userland.sh makes for this architecture (set-up
# runs it), and packed into the initramfs as /bin/NAME; user/linux/*.h are headers they share, a
# later chapter's programs with an earlier one's, and user/common/*.h those they share with Zircon
# programs.
LINUX_SOURCES := $(foreach c,$(CHAPTERS),$(wildcard $(TOP)/$(c)/user/linux/*.c))
LINUX_HEADERS := $(foreach c,$(CHAPTERS),$(wildcard $(TOP)/$(c)/user/linux/*.h \
	$(TOP)/$(c)/user/common/*.h))
LINUX_PROGRAMS := $(foreach s,$(LINUX_SOURCES),$(BUILD)/linux/$(basename $(notdir $(s))).elf)
LINUX_CC := $(TOP)/build/userland/$(USER_ARCH)/cc
LINUX_CFLAGS := -std=gnu11 -O2 -g $(WARNINGS) \
	$(addprefix -I,$(wildcard $(foreach c,$(CHAPTERS),$(TOP)/$(c)/user/linux \
	$(TOP)/$(c)/user/common)))
# A program whose name starts with pie- is a static position-independent executable (static-PIE),
# which the kernel loads at an address of its choice; its C library relocates it as it starts, in
# the start file rcrt1.o. Debian's x86_64 musl has none, so glibc's gcc -static-pie builds it there
# (which tests glibc's start-up too); riscv64's musl has one, which musl's gcc specs never pick, so
# it is named instead of the usual start files, with the linker options of gcc's -static-pie.
LINUX_PIE_CC_x86_64 := gcc -static-pie
LINUX_PIE_CC_riscv64 := $(LINUX_CC) -fPIE -nostartfiles \
	$(TOP)/build/userland/riscv64/musl/lib/rcrt1.o -Wl,-pie,--no-dynamic-linker,-z,text
# A program conform-NAME (the conformance suite) is built twice, so that one source runs against
# both C libraries: /bin/conform-NAME with musl, /bin/glibc-conform-NAME with Debian's glibc
# (static; the riscv64 one from its cross-compiling package).
LINUX_GLIBC_CC_x86_64 := gcc -static
LINUX_GLIBC_CC_riscv64 := riscv64-linux-gnu-gcc -static
LINUX_PROGRAMS += $(foreach n,$(filter conform-%,$(basename $(notdir $(LINUX_SOURCES)))), \
	$(BUILD)/linux/glibc-$(n).elf)
linux_cc = $(if $(filter pie-%,$(1)),$(LINUX_PIE_CC_$(USER_ARCH)),$(if $(filter glibc-%,$(1)), \
	$(LINUX_GLIBC_CC_$(USER_ARCH)),$(LINUX_CC)))

# The compiler and busybox come from set-up (`make setup`, which `make test` and `make run` run);
# a stage built without it (`make -C ch07-linux` in a fresh student tree) makes them here.
$(TOP)/build/userland/%/cc $(TOP)/build/userland/%/busybox $(TOP)/build/userland/%/busybox.links:
	$(TOP)/tools/linux-userland.sh

# The initramfs (chapter 7 on): the root file system of Linux programs, a cpio archive packed into
# the image as the blob `initramfs` (fs/initramfs.c unpacks it at boot). What it holds is listed in
# one manifest, build/ARCH/gen/initramfs.manifest, a line a piece: DEST=SOURCE copies a file (or a
# directory's contents) to DEST, DEST@TARGET makes DEST a symbolic link. The list: each chapter's
# rootfs/ directory, each Linux program as /bin/NAME (without .elf), the Zircon programs of the boot
# filesystem in /boot, without their debugging information, for Linux programs to run
# (linux/zircon_program.h), and the stage's own INITRAMFS_FILES. A chapter that sets
# BUSYBOX_APPLETS gets Debian's busybox (tools/linux-userland.sh) as /bin/busybox, with a link
# /bin/APPLET for each applet named, or, for `all`, a link for every applet where busybox's own
# list puts it (busybox.links: /bin/ls, /usr/bin/awk, ...). tools/initramfs.sh packs it, adding
# the directories every Linux system has.
ifneq ($(LINUX_PROGRAMS),)
ROOTFS_DIRS := $(foreach c,$(CHAPTERS),$(wildcard $(TOP)/$(c)/rootfs))
ROOTFS_FILES := $(if $(ROOTFS_DIRS),$(shell find $(ROOTFS_DIRS) -type f -o -type l))
INITRAMFS_FILES += $(foreach d,$(ROOTFS_DIRS),/=$(d))
INITRAMFS_FILES += $(foreach p,$(LINUX_PROGRAMS),/bin/$(basename $(notdir $(p)))=$(p))
INITRAMFS_FILES += $(foreach n,$(basename $(notdir $(ZX_PROGRAMS))),/boot/$(n)=$(BUILD)/boot/$(n))
INITRAMFS_FILES += $(if $(BUSYBOX_APPLETS),/bin/busybox=$(TOP)/build/userland/$(USER_ARCH)/busybox \
	$(foreach a,$(filter-out all,$(BUSYBOX_APPLETS)),/bin/$(a)@busybox))
BUSYBOX_LINKS := $(if $(filter all,$(BUSYBOX_APPLETS)), \
	$(TOP)/build/userland/$(USER_ARCH)/busybox.links)
INITRAMFS_SOURCES := $(foreach f,$(INITRAMFS_FILES),$(if $(findstring =,$(f)),$(lastword \
	$(subst =, ,$(f)))))
INITRAMFS_MANIFEST := $(BUILD)/gen/initramfs.manifest
INITRAMFS := $(BUILD)/gen/initramfs.cpio
endif

# Zircon system calls: every chapter's src/zircon/syscalls.list makes the dispatch table and the
# prototypes (tools/gen-syscalls.sh). Chapter 1 has none, so its build skips this.
SYSCALL_LISTS := $(foreach c,$(CHAPTERS),$(wildcard $(TOP)/$(c)/src/zircon/syscalls.list))
ifneq ($(SYSCALL_LISTS),)
SYSCALL_TABLE := $(BUILD)/gen/syscall_table.c
SYSCALL_HEADER := $(BUILD)/gen/include/syscall/sys.h
OBJECTS += $(BUILD)/gen/syscall_table.o
INCLUDES += -I$(BUILD)/gen/include
endif

CPPFLAGS += $(INCLUDES) -DZINC_ARCH_$(ARCH) -DZINC_CHAPTER='"$(CHAPTER)"' \
	-DZINC_USER_ARCH='"$(USER_ARCH)"'

# A file whose contents change when the set of source files does (or the flags), so that deleting a
# file also rebuilds what was made from it: the kernel and the programs depend on it.
BUILD_LIST := $(BUILD)/gen/build-list.txt
BUILD_LIST_TEXT := $(CC) $(CFLAGS) $(USER_CC) $(ULIB_CFLAGS) $(ZX_LDFLAGS) $(SOURCES) \
	$(USER_SOURCES) $(ZX_SOURCES) $(foreach d,$(ZX_DIRS),$(call ZX_DIR_SOURCES,$(d))) $(ULIB_SOURCES) \
	$(LINUX_SOURCES) $(ROOTFS_FILES) $(BUSYBOX_APPLETS)
$(shell mkdir -p $(BUILD)/gen && echo '$(BUILD_LIST_TEXT)' > $(BUILD_LIST).new && \
	(cmp -s $(BUILD_LIST).new $(BUILD_LIST) || mv $(BUILD_LIST).new $(BUILD_LIST)); \
	rm -f $(BUILD_LIST).new)
DEPFLAGS = -MMD -MP

.PHONY: all test run bench qemu gdb clean ktest grade
.SECONDARY:
all: $(KERNEL)

# V=1 shows every command; by default each step prints one short line.
Q := $(if $(V),,@)
say = $(if $(V),,@printf '  %-7s %s\n' $(1) $(patsubst $(TOP)/%,%,$(2));)

$(BUILD)/obj/%.c.o: $(TOP)/%.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -c $< -o $@

ifneq ($(SYSCALL_LISTS),)
$(SYSCALL_HEADER) $(SYSCALL_TABLE) &: $(SYSCALL_LISTS) $(TOP)/tools/gen-syscalls.sh
	$(call say,GEN,$(SYSCALL_TABLE))$(TOP)/tools/gen-syscalls.sh $(BUILD)/gen $(SYSCALL_LISTS)

$(BUILD)/gen/syscall_table.o: $(SYSCALL_TABLE)
	$(call say,CC,$<)$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -c $< -o $@

# Every object may include the generated header: make it first.
$(OBJECTS): | $(SYSCALL_HEADER)
endif

$(BUILD)/obj/%.S.o: $(TOP)/%.S
	@mkdir -p $(dir $@)
	$(call say,AS,$<)$(CC) $(CPPFLAGS) $(ASFLAGS) $(DEPFLAGS) -c $< -o $@

$(BUILD)/user/%.elf: $(USER_SOURCES)
	@mkdir -p $(dir $@)
	$(call say,USER,$@)$(USER_CC) -nostdlib -static -Wl,-Ttext=$(USER_BASE) -Wl,--build-id=none \
		-o $@ $(filter %/$*.S,$(USER_SOURCES))

$(BUILD)/user/%.bin: $(BUILD)/user/%.elf
	$(Q)$(USER_OBJCOPY) -O binary $< $@

$(BUILD)/zircon/%.elf: $(ZX_SOURCES) $(foreach d,$(ZX_DIRS),$(call ZX_DIR_SOURCES,$(d))) \
		$(ULIB_SOURCES) $(SYSCALL_TABLE) $(BUILD_LIST)
	@mkdir -p $(dir $@)
	$(call say,USER,$@)$(USER_CC) $(ULIB_CFLAGS) $(ULIB_INCLUDES) $(ZX_LDFLAGS) -o $@ \
		$(filter %/$*.c,$(ZX_SOURCES)) $(call ZX_DIR_SOURCES,$*) $(ULIB_SOURCES) \
		$(BUILD)/gen/user/zircon_stubs.c

$(BUILD)/linux/%.elf: $(LINUX_SOURCES) $(LINUX_HEADERS) $(LINUX_CC)
	@mkdir -p $(dir $@)
	$(call say,LINUX,$@)$(call linux_cc,$*) $(LINUX_CFLAGS) -o $@ \
		$(filter %/$(patsubst glibc-%,%,$*).c,$(LINUX_SOURCES))

ifneq ($(INITRAMFS),)
# The manifest: the entries above, then busybox's links (Debian's list names busybox itself too).
$(INITRAMFS_MANIFEST): $(BUILD_LIST) $(BUSYBOX_LINKS) $(TOP)/tools/chapter.mk
	@mkdir -p $(dir $@)
	$(Q){ echo "# The initramfs of $(CHAPTER) on $(ARCH) (tools/chapter.mk, tools/initramfs.sh)"; \
		printf '%s\n' $(INITRAMFS_FILES); \
		$(if $(BUSYBOX_LINKS),grep -vx /bin/busybox $(BUSYBOX_LINKS) | sed 's|$$|@/bin/busybox|';) \
		} > $@

$(INITRAMFS): $(INITRAMFS_MANIFEST) $(INITRAMFS_SOURCES) $(ROOTFS_FILES) $(TOP)/tools/initramfs.sh
	$(call say,CPIO,$@)$(TOP)/tools/initramfs.sh $@ $(BUILD)/rootfs $(INITRAMFS_MANIFEST)
endif

$(BUILD)/boot/%: $(BUILD)/zircon/%.elf
	@mkdir -p $(dir $@)
	$(Q)$(USER_OBJCOPY) --strip-debug $< $@

$(BUILD)/gen/blobs.S: $(USER_BINS) $(ZX_PROGRAMS) $(INITRAMFS) $(TOP)/tools/blobs.sh
	@mkdir -p $(dir $@)
	$(Q)$(TOP)/tools/blobs.sh $(USER_BINS) $(ZX_PROGRAMS) $(INITRAMFS) > $@

$(BLOBS_OBJ): $(BUILD)/gen/blobs.S
	$(Q)$(CC) $(CPPFLAGS) $(ASFLAGS) -c $< -o $@

$(KERNEL): $(OBJECTS) $(BLOBS_OBJ) $(LINK_DEPS) $(BUILD_LIST)
	$(call say,LINK,$@)$(LINK_KERNEL)

# The tests: the kernel's own TAP run (boot argument "test"), then each end-to-end test
# (tests/*.expect). A kernel that starts every CPU (its architecture has an smp.c, from chapter 6)
# is tested on one CPU and on two: SMP is the QEMU scripts' CPU count. TEST_CPUS="2" (or "1") runs
# one of them. Then, once, the typed tests (tests/typed/*.typed, from chapter 7): keys typed at the
# interactive shell on a terminal, and the screen they must leave (tools/typed-tests.sh).
# A stage whose code is all tested by the stage before it (the final one) names the chapters whose
# tests it runs in TEST_CHAPTERS: its own.
TEST_CPUS ?= $(if $(wildcard $(foreach c,$(CHAPTERS),$(TOP)/$(c)/src/arch/$(ARCH)/smp.c)),1 2,1)
TEST_CHAPTERS ?= $(CHAPTERS)
TYPED_DIRS := $(wildcard $(foreach c,$(TEST_CHAPTERS),$(TOP)/$(c)/tests/typed))
test: $(KERNEL)
	$(foreach n,$(TEST_CPUS),echo "# $(n) CPU(s)" && SMP=$(n) \
		$(TOP)/tools/run-tests.sh "$(BOOT)" $(foreach c,$(TEST_CHAPTERS),$(TOP)/$(c)) &&) :
	$(if $(TYPED_DIRS),echo "# typed at the shell" && \
		$(TOP)/tools/typed-tests.sh "$(BOOT_INTERACTIVE) run $(RUN_ARGS)" $(TYPED_DIRS))

# The kernel tests named in TESTS (all if empty), in one boot, with the kernel's own TAP and
# verdict.
ktest: $(KERNEL)
	$(BOOT) test $(TESTS)

grade:
	@$(TOP)/tools/grade.sh --chapter $(CHAPTER) $(LAB)

# What `run` boots: the shell (/bin/sh), or the program a stage names in RUN_ARGS.
run: $(KERNEL)
	$(BOOT_INTERACTIVE) run $(RUN_ARGS)

# The benchmarks named in BENCHES (all if empty). A chapter that sets BENCH_BESIDE (a chapter, and
# the benchmarks of it to run) has those run first on that chapter's own kernel, so that a figure
# shows beside the same figure of an earlier stage; each run opens with the banner of its stage.
# A stage that sets BENCH_COMMAND runs that instead (the final stage: Zinc against Linux).
BENCH_COMMAND ?= $(BOOT) bench $(BENCHES)
bench: $(KERNEL)
	$(if $(BENCH_BESIDE),$(MAKE) --no-print-directory -C $(TOP)/$(firstword $(BENCH_BESIDE)) bench \
		ARCH=$(ARCH) BENCHES="$(wordlist 2,99,$(BENCH_BESIDE))" &&) $(BENCH_COMMAND)

# QEMU with the console attached (bare metal), and the debugger stopped at the kernel's C entry.
qemu: $(KERNEL)
	$(BOOT_INTERACTIVE) run $(RUN_ARGS)

gdb: $(KERNEL)
	$(GDB_SESSION)

clean:
	rm -rf $(TOP)/$(CHAPTER)/build

-include $(OBJECTS:.o=.d)
