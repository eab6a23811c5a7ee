/*: # x86_64 start-up

`x86_boot` is the first C the kernel runs, called by boot.S in long mode, on the boot stack, with
interrupts off and the physical address of the multiboot information. It builds the machine the HAL
promises in the order each part needs the one before, then calls `kmain`, as LibOS's `main` does:

1. the serial line, so that anything that goes wrong from here on can be reported;
2. the boot arguments and the memory map, copied out of the multiboot information: the memory right
   after the kernel, where the loader left that information, is the next step's;
3. the kernel's page table, with the direct map of all physical memory (mmu.c); its tables come from
   the memory just after the kernel image;
4. the GDT and TSS, the CPU area (percpu.h), the IDT, the syscall entry and the floating-point unit;
5. the frame allocator, given every free range of RAM but the kernel and step 3's page tables;
6. the interrupt controllers and the timer; then interrupts on, and `kmain`.

The multiboot information reaches C as a physical address below 1 GiB, where the boot page table
still maps physical memory at `KERNEL_VMA`. */
#include <string.h>

#include "arch/x86_64/percpu.h"
#include "kernel/frame.h"
#include "kernel/main.h"
#include "kernel/panic.h"
#include "metal.h"
#include "x86_64.h"

/* The parts of the multiboot information we read (the specification, section 3.3). */
struct multiboot_info {
    uint32_t flags;
    uint32_t mem_lower, mem_upper;
    uint32_t boot_device;
    uint32_t cmdline;
    uint32_t mods_count, mods_addr;
    uint32_t syms[4];
    uint32_t mmap_length, mmap_addr;
};
#define MB_INFO_CMDLINE (1 << 2)
#define MB_INFO_MMAP (1 << 6)

struct multiboot_mmap_entry {
    uint32_t size; /* of the rest of the entry: the next one starts size + 4 bytes on */
    uint64_t base, length;
    uint32_t type;
} __attribute__((packed));
#define MB_MEMORY_AVAILABLE 1

struct x86_region x86_ram[X86_MAX_REGIONS];
int x86_ram_count;
static char boot_args[512];

extern char __kernel_start[], _end[];

static void *boot_window(uint32_t pa)
{
    return (void *)(KERNEL_VMA + pa);
}

/* The command line is the kernel's file name, then what QEMU's -append gave: skip the name. */
static void copy_boot_args(const struct multiboot_info *mbi)
{
    const char *line = mbi->flags & MB_INFO_CMDLINE ? boot_window(mbi->cmdline) : "";
    line += strcspn(line, " ");
    while (*line == ' ')
        line++;
    if (!*line)
        line = "run";
    if (strlen(line) >= sizeof boot_args)
        panic("boot arguments too long");
    memcpy(boot_args, line, strlen(line) + 1);
}

static void copy_memory_map(const struct multiboot_info *mbi)
{
    if (!(mbi->flags & MB_INFO_MMAP))
        panic("the boot loader gave no memory map");
    for (uint32_t off = 0; off < mbi->mmap_length;) {
        const struct multiboot_mmap_entry *e = boot_window(mbi->mmap_addr + off);
        if (e->type == MB_MEMORY_AVAILABLE && e->length > 0) {
            if (x86_ram_count == X86_MAX_REGIONS)
                panic("too many memory regions");
            x86_ram[x86_ram_count++] = (struct x86_region){e->base, e->length};
        }
        off += e->size + 4;
    }
}

/* Hand every RAM region to the frame allocator, less [reserved_start, reserved_end). */
static void add_free_memory(paddr_t reserved_start, paddr_t reserved_end)
{
    for (int i = 0; i < x86_ram_count; i++) {
        paddr_t start = x86_ram[i].base, end = start + x86_ram[i].size;
        if (start < reserved_start)
            frame_add_region(start, (end < reserved_start ? end : reserved_start) - start);
        if (end > reserved_end) {
            paddr_t from = start > reserved_end ? start : reserved_end;
            frame_add_region(from, end - from);
        }
    }
}

const char *hal_boot_args(void)
{
    return boot_args;
}

NORETURN void x86_boot(uint32_t multiboot_info);

NORETURN void x86_boot(uint32_t multiboot_info)
{
    x86_serial_init();
    const struct multiboot_info *mbi = boot_window(multiboot_info);
    copy_boot_args(mbi);
    copy_memory_map(mbi);
    paddr_t kernel_start = (uint64_t)__kernel_start - KERNEL_VMA;
    paddr_t tables_end = x86_mmu_init(PAGE_ROUND_UP((uint64_t)_end - KERNEL_VMA));
    x86_gdt_init();
    x86_cpu_area_init(0, &x86_tss);
    x86_idt_init();
    x86_context_init();
    add_free_memory(kernel_start, tables_end);
    metal_guard_stacks();
    x86_apic_init();
    x86_timer_init();
    __asm__ volatile("sti");
    kmain();
}
