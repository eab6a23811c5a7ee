/*: # riscv64 internals

What the files of the riscv64 target share among themselves, and nothing above the HAL sees.

**The address space.** Sv39 translates 39-bit virtual addresses; the valid ones are the low 256 GiB
(`0` .. `0x3f_ffff_ffff`), which belong to the user, and the high 256 GiB (`0xffff_ffc0_0000_0000`
on), which belong to the kernel. The kernel's half is one *direct map* of physical memory: physical
address `pa` is at virtual `pa + PHYS_OFFSET`. The kernel's image is part of it (QEMU loads it at
physical `0x80200000`, so it is linked at `PHYS_OFFSET + 0x80200000`), and so are the devices and
all of RAM, which is how `hal_pmem_ptr` reaches any frame. */
#ifndef ZINC_RISCV_H
#define ZINC_RISCV_H

#include "csr.h"

#define PHYS_OFFSET UL(0xffffffc000000000)

#ifndef __ASSEMBLER__
#include "hal/hal.h"

/* Physical to kernel virtual and back, through the direct map. */
static inline void *phys_to_virt(paddr_t pa) { return (void *)(pa + PHYS_OFFSET); }
static inline paddr_t virt_to_phys(const void *va) { return (paddr_t)va - PHYS_OFFSET; }

/* The SBI's id of the hart that booted (boot.c), which takes the devices' interrupts (plic.c). */
extern uint64_t riscv_boot_hart;

/* Where boot.S sends a hart that arrives at the kernel's first instruction after the boot hart:
   entry, a physical address (0: the hart waits), with word in a1. Entry is written last. */
struct riscv_late_hart {
    uint64_t entry;
    uint64_t word;
};
extern struct riscv_late_hart riscv_late_hart;

/* The image's bounds (kernel.ld). */
extern char kernel_start[], kernel_end[];

/* Start-up steps (boot.c calls them in this order). */
void riscv_uart_init(void);
void riscv_pmem_init(paddr_t base, size_t size);
void riscv_timer_init(uint64_t timebase_hz);
void riscv_set_boot_args(const char *args);
void riscv_trap_init(void);
void riscv_hart_traps(void); /* the part of riscv_trap_init each hart needs (irq.c) */

/* Interrupts: dispatch one by its scause (interrupt bit cleared), and the handlers behind it. */
void riscv_interrupt(uint64_t cause);
void riscv_timer_interrupt(void);
void riscv_timer_wake_within(uint64_t max_ns);
void riscv_irq_raise(unsigned irq);
void riscv_plic_enable(unsigned source);
unsigned riscv_plic_claim(void);
void riscv_plic_complete(unsigned source);
void riscv_uart_enable_interrupt(void);

/* Read a 16-bit word of user code through the active page table; false if it is not mapped
   executable. */
bool riscv_fetch_user_u16(vaddr_t va, uint16_t *out);

/* The CPU area: what the user vector needs to find its way back (offsets in trap.S). */
struct riscv_cpu {
    struct hal_context *ctx;
    uint64_t kernel_sp;
    uint64_t scratch;
    uint64_t kernel_tp;
};

/* The running hart's CPU area, for a turn of a user program that starts now (percpu.c). With
   interrupts off. */
struct riscv_cpu *riscv_user_turn(void);

/* The boot page table (boot.S), whose kernel half every table copies. */
struct hal_pt;
extern struct hal_pt boot_pt;

/* The TLB (tlb.c), for a root table at physical address root: make it the one in use on this hart;
   make every hart forget what it holds of [va, va + len) after the entries changed; and before the
   table is freed, make sure no hart uses it any more. */
void riscv_tlb_load(paddr_t root);
void riscv_tlb_flush(paddr_t root, vaddr_t va, size_t len);
void riscv_tlb_forget(paddr_t root);

/* Do what another hart asked with a software interrupt (irq.c calls it): with one hart, nothing. */
void riscv_tlb_answer(void);

/* The trap vectors (trap.S), and the guard page of the stack the kernel vector takes when the
   interrupted one is full. */
void riscv_kernel_vector(void);
void riscv_user_vector(void);
extern uint8_t riscv_overflow_guard[];
#endif

#endif
