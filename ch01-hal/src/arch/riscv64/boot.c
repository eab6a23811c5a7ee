/*: # riscv64: start-up in C

boot.S calls `riscv_boot` in the higher half, on the boot stack, with interrupts off. It builds the
machine the HAL promises in the order each part needs the one before: the UART (so that a panic can
be read), the facts from the device tree, physical memory and the frame allocator, the boot
arguments, the timer, and last the interrupts. Then `kmain`.

The frame allocator gets all of RAM except two pieces: everything below the end of the kernel's
image (OpenSBI's own memory, which its device tree lists under `/reserved-memory`, sits at the start
of RAM, and the kernel above it) and the device tree itself, which QEMU places near the top of RAM
and whose `bootargs` string the kernel keeps using. */
#include "fdt.h"
#include "kernel/frame.h"
#include "kernel/main.h"
#include "kernel/panic.h"
#include "metal.h"
#include "riscv.h"

NORETURN void riscv_boot(uint64_t hart, paddr_t fdt);

static void add_free(paddr_t start, paddr_t end)
{
    if (end > start)
        frame_add_region(start, end - start);
}

uint64_t riscv_boot_hart;

void riscv_boot(uint64_t hart, paddr_t fdt)
{
    riscv_boot_hart = hart; /* any of them: OpenSBI draws lots when there are several */
    riscv_uart_init();
    struct fdt_facts facts;
    if (fdt_read(phys_to_virt(fdt), &facts))
        panic("no usable device tree at 0x%lx", (unsigned long)fdt);

    riscv_pmem_init(facts.mem_base, facts.mem_size);
    paddr_t image_end = virt_to_phys(kernel_end), ram_end = facts.mem_base + facts.mem_size;
    paddr_t fdt_end = PAGE_ROUND_UP(fdt + facts.blob_size);
    add_free(image_end, fdt < ram_end ? fdt : ram_end);
    add_free(fdt_end > image_end ? fdt_end : image_end, ram_end);

    riscv_set_boot_args(facts.bootargs);
    riscv_timer_init(facts.timebase_hz);
    riscv_trap_init();
    metal_register_stack("the trap stack for kernel stack overflows", riscv_overflow_guard);
    metal_guard_stacks();
    kmain();
}
