/*: # Every system call, as data

Besides a stub for each system call, tools/gen-syscalls.sh writes the list of calls into libzircon
as data: for each, its name, its number and one letter per argument saying what kind of value it
takes: `h` a handle, `p` a pointer, `t` a time (a deadline), `i` any other integer. A program that
calls system calls it does not know by name reads it: chapter 3's `syscall-fuzz` makes up arguments
of the right kinds for every call of the kernel it runs on, including the calls of chapters written
after it. */
#ifndef ZINC_SYSCALL_LIST_H
#define ZINC_SYSCALL_LIST_H

#include <stddef.h>
#include <stdint.h>

struct zinc_syscall_info {
    const char *name;
    uint32_t number;
    const char *args; /* one of "hpti" per argument */
};

extern const struct zinc_syscall_info zinc_syscall_list[];
extern const size_t zinc_syscall_list_size;

#endif
