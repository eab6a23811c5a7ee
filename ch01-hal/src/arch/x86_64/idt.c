/*: # x86_64: the interrupt descriptor table

The IDT has one 16-byte *gate* per vector: the address of the handler (trap.S gives each vector a
stub, 16 bytes apart), the code segment to run it in, and:

- the type: an *interrupt gate* turns interrupts off on entry, so that a handler is never
  interrupted before it has saved what it needs. Every gate here is one.
- the privilege a program needs to raise the vector itself with `int n`: 0 for all but the
  breakpoint, so that a user's `int $0x80` is a general protection fault, while its `int3` is the
  breakpoint trap the debugger convention expects.
- the IST slot, for the three vectors that must never use the stack they interrupted (gdt.c). */
#include "x86_64.h"

#define VECTORS 256
#define STUB_SIZE 16
#define GATE_INTERRUPT 0x8e00 /* present, interrupt gate, level 0 */
#define GATE_USER 0x6000      /* the level that may raise it: 3 */
#define VEC_NMI 2
#define VEC_BREAKPOINT 3
#define VEC_DOUBLE_FAULT 8
#define VEC_MACHINE_CHECK 18

struct gate {
    uint16_t offset_low, selector, flags, offset_mid;
    uint32_t offset_high, reserved;
};

extern char x86_vectors[];
static struct gate idt[VECTORS];

void x86_idt_init(void)
{
    for (int v = 0; v < VECTORS; v++) {
        uint64_t handler = (uint64_t)x86_vectors + v * STUB_SIZE;
        uint16_t flags = GATE_INTERRUPT;
        if (v == VEC_BREAKPOINT)
            flags |= GATE_USER;
        if (v == VEC_NMI || v == VEC_DOUBLE_FAULT || v == VEC_MACHINE_CHECK)
            flags |= 1; /* IST slot 1 */
        idt[v] = (struct gate){(uint16_t)handler, KERNEL_CS, flags, (uint16_t)(handler >> 16),
                               (uint32_t)(handler >> 32), 0};
    }
    struct {
        uint16_t limit;
        uint64_t base;
    } __attribute__((packed)) pointer = {sizeof idt - 1, (uint64_t)idt};
    __asm__ volatile("lidt %0" ::"m"(pointer));
}
