/*: # A Linux program's first stack

What a Linux program finds on its stack when its first instruction runs, as the System V ABI lays
it out, from the stack pointer up:

    argc
    argv[0] ... argv[argc - 1], NULL
    envp[0] ... NULL
    the auxiliary vector: (type, value) pairs, ending with AT_NULL
    ... the strings they point to, and 16 random bytes, at the top

The C library's start-up code reads all of it: `argc` and `argv` for `main`, `envp` for `getenv`,
and the auxiliary vector for what only the kernel knows: where the program headers are in memory
(`AT_PHDR`, which a static program needs to find its thread-local storage), the page size, the entry
point, random bytes for the stack protector's canary (`AT_RANDOM`), and the path it was run as
(`AT_EXECFN`). */
#ifndef ZINC_LINUX_INITIAL_STACK_H
#define ZINC_LINUX_INITIAL_STACK_H

#include "linux/exec.h"
#include "vm/vmar.h"

/* How big a Linux program's stack may grow (RLIMIT_STACK's usual 8 MiB); its pages come on first
   touch, so an unused stack costs nothing. */
#define LINUX_STACK_SIZE (8ul << 20)

struct program_info {
    vaddr_t entry, phdr;
    unsigned phnum;
};

/* Map a new stack under USER_STACK_TOP in root and lay out path, args and the auxiliary vector of
   info on it: image receives the stack pointer to start with, and where the strings are. 0 or
   -ENOMEM. */
int initial_stack_build(struct vmar *root, const char *path, const struct exec_args *args,
                        const struct program_info *info, struct exec_image *image);

#endif
