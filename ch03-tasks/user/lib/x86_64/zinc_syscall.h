/*: # The system call instruction (x86_64)

What the vDSO does for a Fuchsia program, in one inline function: the number in `rax`, the arguments
in `rdi rsi rdx r10 r8 r9`, `syscall`, the result in `rax`. The instruction itself overwrites `rcx`
and `r11`. */
#ifndef ZINC_SYSCALL_H
#define ZINC_SYSCALL_H

#include <stdint.h>

static inline int64_t zinc_syscall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                                   uint64_t a4, uint64_t a5)
{
    register uint64_t r10 __asm__("r10") = a3;
    register uint64_t r8 __asm__("r8") = a4;
    register uint64_t r9 __asm__("r9") = a5;
    int64_t ret;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

#endif
