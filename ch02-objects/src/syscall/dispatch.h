/*: # Dispatching a system call

The table of Zircon system calls is generated (tools/gen-syscalls.sh) from the `syscalls.list` of
every chapter in the build, so a chapter adds calls by adding lines, and the kernel's prototypes and
the user library's stubs can never disagree. Each entry knows its name, its argument count and a
wrapper that turns raw register values into the call's declared types.

Registers carry six arguments on both architectures. The few calls with more (`channel_read` has
eight) receive the rest in user memory: the sixth register then holds the address of an array with
arguments six onwards, which the user library fills in. */
#ifndef ZINC_DISPATCH_H
#define ZINC_DISPATCH_H

#include <stddef.h>
#include <stdint.h>

#define SYSCALL_REGISTER_ARGS 6
#define SYSCALL_MAX_ARGS 8

struct syscall_entry {
    const char *name;
    int nargs;
    int64_t (*call)(const uint64_t *args);
};

extern const struct syscall_entry syscall_table[];
extern const size_t syscall_table_size;

/* Run system call nr with the six register arguments regs; ZX_ERR_BAD_SYSCALL for an unknown
   number. */
int64_t zx_syscall_dispatch(uint64_t nr, const uint64_t regs[SYSCALL_REGISTER_ARGS]);

#endif
