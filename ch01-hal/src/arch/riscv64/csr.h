/*: # riscv64: the control and status registers

A RISC-V hart keeps its privileged state in *control and status registers* (CSRs), read and written
with the `csrr`, `csrw`, `csrs` (set bits) and `csrc` (clear bits) instructions. The kernel runs in
supervisor mode (S-mode) below OpenSBI's machine mode, and uses these:

| CSR        | what it holds                                                                   |
|------------|---------------------------------------------------------------------------------|
| `sstatus`  | the interrupt state and mode, now and before the trap; FPU state; user access   |
| `sie`      | which interrupts may arrive at all: software, timer (`STIE`), external (`SEIE`) |
| `stvec`    | where a trap jumps                                                              |
| `sepc`     | the pc of the trapped instruction (where `sret` returns)                        |
| `scause`   | why: top bit set for an interrupt; then the interrupt or exception number       |
| `stval`    | the faulting address of a page fault (or other detail)                          |
| `sscratch` | one free register for the trap vector's first instructions                      |
| `satp`     | the page table in use: mode (Sv39) and the root table's physical page number    |
| `time`     | a counter running at the board's timebase frequency (10 MHz on `virt`)          |

The bits of `sstatus` the kernel uses: `SIE`, interrupts on in S-mode; `SPIE` and `SPP`, the
interrupt state and the mode before the trap (what `sret` restores); `FS`, the floating-point unit's
state; `SUM`, S-mode may touch user pages.

`scause` values are in the table below; the kernel needs the three page faults (instruction fetch,
load, store), the illegal instruction, the breakpoint and the `ecall` from user mode. */
#ifndef ZINC_RISCV_CSR_H
#define ZINC_RISCV_CSR_H

/* Constants shared with assembly, which knows no `ul` suffix. */
#ifdef __ASSEMBLER__
#define UL(x) x
#else
#define UL(x) x##ul
#endif

#define SSTATUS_SIE (UL(1) << 1)
#define SSTATUS_SPIE (UL(1) << 5)
#define SSTATUS_SPP (UL(1) << 8)
#define SSTATUS_FS (UL(3) << 13) /* the floating-point state: Off 0, Initial 1, Clean 2, Dirty 3 */
#define SSTATUS_FS_CLEAN (UL(2) << 13)
#define SSTATUS_SUM (UL(1) << 18)

#define SIE_SSIE (UL(1) << 1)
#define SIE_STIE (UL(1) << 5)
#define SIE_SEIE (UL(1) << 9)

#define SCAUSE_INTERRUPT (UL(1) << 63)
#define SIP_SSIP (UL(1) << 1) /* the software interrupt is pending */

#define IRQ_S_SOFT 1
#define IRQ_S_TIMER 5
#define IRQ_S_EXTERNAL 9

#define EXC_ILLEGAL 2
#define EXC_BREAKPOINT 3
#define EXC_ECALL_U 8
#define EXC_INSN_PAGE_FAULT 12
#define EXC_LOAD_PAGE_FAULT 13
#define EXC_STORE_PAGE_FAULT 15

#define SATP_SV39 (UL(8) << 60)
#define SATP_PPN ((UL(1) << 44) - 1) /* the root table's physical page number */

#ifndef __ASSEMBLER__
#include <stdint.h>

#define csr_read(csr)                                                                              \
    ({                                                                                             \
        uint64_t v_;                                                                               \
        __asm__ volatile("csrr %0, " #csr : "=r"(v_));                                             \
        v_;                                                                                        \
    })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" ::"r"((uint64_t)(v)) : "memory")
#define csr_set(csr, bits) __asm__ volatile("csrs " #csr ", %0" ::"r"((uint64_t)(bits)) : "memory")
#define csr_clear(csr, bits)                                                                       \
    __asm__ volatile("csrc " #csr ", %0" ::"r"((uint64_t)(bits)) : "memory")
/* Clear bits and return the old value, in one instruction (so no interrupt comes between the
   two). */
#define csr_read_clear(csr, bits)                                                                  \
    ({                                                                                             \
        uint64_t v_;                                                                               \
        __asm__ volatile("csrrc %0, " #csr ", %1" : "=r"(v_) : "r"((uint64_t)(bits)) : "memory");  \
        v_;                                                                                        \
    })
#endif

#endif
