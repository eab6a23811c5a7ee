/*: # x86_64 internals

What the files of the x86_64 target share among themselves, and nothing above the HAL sees: the
instructions C cannot express (port I/O, model-specific and control registers, the interrupt flag),
the physical memory map that boot hands to the rest, and each part's start-up function. */
#ifndef ZINC_X86_64_H
#define ZINC_X86_64_H

#include "hal/hal.h"
#include "layout.h"

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" ::"a"(v), "Nd"(port));
}
static inline void outl(uint16_t port, uint32_t v)
{
    __asm__ volatile("outl %0, %1" ::"a"(v), "Nd"(port));
}
static inline uint8_t inb(uint16_t port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return (uint64_t)hi << 32 | lo;
}
static inline void wrmsr(uint32_t msr, uint64_t v)
{
    __asm__ volatile("wrmsr" ::"c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

#define READ_CR(n)                                                                          \
    ({                                                                                      \
        uint64_t v_;                                                                        \
        __asm__ volatile("mov %%cr" #n ", %0" : "=r"(v_));                                  \
        v_;                                                                                 \
    })
#define WRITE_CR(n, v) __asm__ volatile("mov %0, %%cr" #n ::"r"((uint64_t)(v)) : "memory")

static inline void cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
    __asm__ volatile("cpuid"
                     : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
                     : "a"(leaf), "c"(sub));
}

/* Disable interrupts and return the flags from before; restore them. */
static inline uint64_t x86_irq_save(void)
{
    uint64_t flags;
    __asm__ volatile("pushfq; pop %0; cli" : "=r"(flags)::"memory");
    return flags;
}
static inline void x86_irq_restore(uint64_t flags)
{
    if (flags & RFLAGS_IF)
        __asm__ volatile("sti" ::: "memory");
}

/* The kernel's pointer to a physical address, through the direct map (once mmu.c built it). */
static inline volatile void *x86_phys(paddr_t pa) { return (volatile void *)(DIRECT_MAP + pa); }

/* The RAM that the boot memory map reported as free to use. */
#define X86_MAX_REGIONS 32
struct x86_region {
    paddr_t base;
    uint64_t size;
};
extern struct x86_region x86_ram[X86_MAX_REGIONS];
extern int x86_ram_count;
extern uint64_t x86_direct_map_size; /* physical addresses below this are in the direct map */

/* The interrupt vectors: the CPU's exceptions are 0..31, HAL irq n is X86_IRQ_VECTOR(n). The idle
   alarm (timer.c) is an interrupt of the HAL's own, numbered after the kernel's two. */
#define X86_IRQ_VECTOR(irq) (32 + (irq))
#define X86_IRQ_ALARM 2
#define X86_VECTOR_SPURIOUS 0xff

/* Start-up, in the order boot.c calls them. */
void x86_serial_init(void);
paddr_t x86_mmu_init(paddr_t free_from); /* returns the end of the memory it took for tables */
void x86_gdt_init(void);
void x86_idt_init(void);
void x86_context_init(void);
void x86_apic_init(void);
void x86_timer_init(void);

/* Interrupt controllers (apic.c) and the dispatch of interrupts (irq.c). */
void x86_ioapic_route(unsigned pin, unsigned vector, bool enabled);
void x86_apic_eoi(void);
void x86_apic_send(uint32_t apic_id, uint32_t command);
void x86_apic_raise(unsigned vector);
void x86_irq_dispatch(unsigned vector);

/* The timer's second comparator, which wakes an idle CPU (timer.c); HAL_NO_DEADLINE cancels it. */
void x86_timer_alarm(uint64_t ns_from_now);

/* Keep the TLBs in step with a table, at physical address table (tlb.c): after entries of
   [va, va + len) were removed or narrowed; before the table is freed. */
void x86_tlb_flush(paddr_t table, vaddr_t va, size_t len);
void x86_tlb_forget(paddr_t table);

/* Print the return addresses of a backtrace from frame pointer fp (cpu.c). */
void x86_backtrace_from(uint64_t fp, int max);

#endif
