# Zinc: the entry point. `make run` boots the latest stage; `make test` tests every written stage on every
# target. Each chapter directory is a stage of its own: `make -C ch01-hal test ARCH=riscv64`.

WRITTEN := $(patsubst %/Makefile,%,$(sort $(wildcard ch*/Makefile)))
LATEST := $(lastword $(WRITTEN))
# The bare-metal targets: every tools/arch/NAME.mk except libos.
METAL := $(filter-out libos,$(basename $(notdir $(wildcard tools/arch/*.mk))))
ARCH ?= libos

.PHONY: setup test run bench qemu gdb clean
setup:
	@tools/setup.sh

# Fast tests first: every stage on LibOS, plain and under the sanitizers; chapter 1 and the latest stage
# again with the thread pointer switched by system calls (the path of CPUs without fsgsbase, forced here
# whatever this CPU has), and the LibOS's refusals; then every stage in QEMU.
test: setup
	@set -e; for c in $(WRITTEN); do \
	    echo "== $$c: libos"; $(MAKE) -s -C $$c test ARCH=libos; \
	    echo "== $$c: libos with AddressSanitizer and UndefinedBehaviorSanitizer"; \
	    $(MAKE) -s -C $$c test ARCH=libos SAN=1; \
	done; \
	for c in $(sort $(firstword $(WRITTEN)) $(LATEST)); do \
	    echo "== $$c: libos, thread pointer switched with arch_prctl (ZINC_LIBOS_TLS=syscall)"; \
	    ZINC_LIBOS_TLS=syscall $(MAKE) -s -C $$c test ARCH=libos; \
	done; \
	echo "== libos: a host that cannot run it is told why"; \
	tools/check-libos-host.sh $(firstword $(WRITTEN))/build/libos/zinc; \
	for c in $(WRITTEN); do for a in $(METAL); do \
	    echo "== $$c: $$a"; $(MAKE) -s -C $$c test ARCH=$$a; \
	done; done
	@echo "== labs: the reference passes, the stripped tree fails exactly the labs' tests"
	@tools/check-labs.sh
	@echo "== book: built from the sources, opened in Chromium"
	@tools/check-book.sh

run: setup
	@$(MAKE) -s -C $(LATEST) run ARCH=$(ARCH)

bench: setup
	@$(MAKE) -s -C $(LATEST) bench ARCH=$(ARCH)

qemu gdb: setup
	@$(MAKE) -s -C $(LATEST) $@ ARCH=$(ARCH)

# The book: book/out/html/ (open index.html), book/out/zinc.epub and book/out/zinc.pdf (book/build.sh).
.PHONY: book
book: setup
	@book/build.sh

# The labs: `make labs` writes the student tree (build/labs/, or LABS_DIR), with every lab (or LAB=ID...)
# stripped to its stub; `make grade [LAB=ID...] [ARCH=...]` grades them, here or in the student tree.
LABS_DIR ?= build/labs
.PHONY: labs grade
labs: setup
	@tools/labs.sh -o $(abspath $(LABS_DIR)) $(LAB)

grade: setup
	@ARCH=$(ARCH) tools/grade.sh $(LAB)

clean:
	@for c in $(WRITTEN); do $(MAKE) -s -C $$c clean; done
