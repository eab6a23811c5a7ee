/*: # The system call instruction (riscv64)

The number in `a7`, the arguments in `a0` to `a5`, `ecall`, the result in `a0`. */
#ifndef ZINC_SYSCALL_H
#define ZINC_SYSCALL_H

#include <stdint.h>

static inline int64_t zinc_syscall(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3,
                                   uint64_t a4, uint64_t a5)
{
    register uint64_t r_a0 __asm__("a0") = a0;
    register uint64_t r_a1 __asm__("a1") = a1;
    register uint64_t r_a2 __asm__("a2") = a2;
    register uint64_t r_a3 __asm__("a3") = a3;
    register uint64_t r_a4 __asm__("a4") = a4;
    register uint64_t r_a5 __asm__("a5") = a5;
    register uint64_t r_a7 __asm__("a7") = nr;
    __asm__ volatile("ecall"
                     : "+r"(r_a0)
                     : "r"(r_a1), "r"(r_a2), "r"(r_a3), "r"(r_a4), "r"(r_a5), "r"(r_a7)
                     : "memory");
    return (int64_t)r_a0;
}

#endif
