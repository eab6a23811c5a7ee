/*: # riscv64: the SBI calls */
#include "sbi.h"

#define SBI_EXT_TIME 0x54494d45 /* "TIME" */
#define SBI_EXT_SRST 0x53525354 /* "SRST" */

struct sbiret sbi_call(uint64_t ext, uint64_t fn, uint64_t arg0, uint64_t arg1, uint64_t arg2,
                       uint64_t arg3)
{
    register uint64_t a0 __asm__("a0") = arg0;
    register uint64_t a1 __asm__("a1") = arg1;
    register uint64_t a2 __asm__("a2") = arg2;
    register uint64_t a3 __asm__("a3") = arg3;
    register uint64_t a6 __asm__("a6") = fn;
    register uint64_t a7 __asm__("a7") = ext;
    __asm__ volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a2), "r"(a3), "r"(a6), "r"(a7) : "memory");
    return (struct sbiret){.error = (long)a0, .value = (long)a1};
}

void sbi_set_timer(uint64_t when)
{
    sbi_call(SBI_EXT_TIME, 0, when, 0, 0, 0);
}

void sbi_system_reset(uint32_t type, uint32_t reason)
{
    sbi_call(SBI_EXT_SRST, 0, type, reason, 0, 0);
}
