# Zinc: the entry point. `make run` boots the complete kernel (final/) to a shell, in QEMU on
# x86_64 unless ARCH says otherwise; `make test` tests every written stage on every target. Each
# chapter directory is a stage of its own: `make -C ch01-hal test ARCH=riscv64`.

CHAPTERS := $(patsubst %/Makefile,%,$(sort $(wildcard ch*/Makefile)))
WRITTEN := $(CHAPTERS) $(patsubst %/Makefile,%,$(wildcard final/Makefile))
LATEST := $(lastword $(WRITTEN))
# The bare-metal targets: every tools/arch/NAME.mk except libos.
METAL := $(filter-out libos,$(basename $(notdir $(wildcard tools/arch/*.mk))))
RUN_ARCH := $(or $(ARCH),x86_64)
ARCH ?= libos

.PHONY: setup test run bench qemu gdb clean
setup:
	@tools/setup.sh

# Every stage on LibOS, plain and under the sanitizers, and on every bare-metal target; chapter 1
# and the latest stage again with the thread pointer switched by system calls (the path of CPUs
# without fsgsbase, forced here whatever this CPU has), and the LibOS's refusals; the labs, both
# ways; the book. They run as independent jobs, one per core (tools/make-test.sh), each logged in
# build/test-logs/.
test: setup
	@MAKE="$(MAKE)" tools/make-test.sh "$(WRITTEN)" "$(METAL)"

run: setup
	@$(MAKE) -s -C $(LATEST) run ARCH=$(RUN_ARCH)

bench: setup
	@$(MAKE) -s -C $(LATEST) bench ARCH=$(ARCH)

qemu gdb: setup
	@$(MAKE) -s -C $(LATEST) $@ ARCH=$(ARCH)

# The book: book/out/html/ (open index.html), book/out/zinc.epub and book/out/zinc.pdf
# (book/build.sh).
.PHONY: book
book: setup
	@book/build.sh

# The labs: `make labs` writes the student tree (build/labs/, or LABS_DIR), with every lab (or
# LAB=ID...) stripped to its stub; `make grade [LAB=ID...] [ARCH=...]` grades them, here or in the
# student tree.
LABS_DIR ?= build/labs
.PHONY: labs grade
labs: setup
	@tools/labs.sh -o $(abspath $(LABS_DIR)) $(LAB)

grade: setup
	@ARCH=$(ARCH) tools/grade.sh $(LAB)

clean:
	@for c in $(WRITTEN); do $(MAKE) -s -C $$c clean; done
