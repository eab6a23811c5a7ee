/*: # LibOS start-up

On LibOS the kernel starts as any program does, at `main`. Start-up first makes sure that the host
can run it (host.c), then builds the machine the HAL promises, in the order each part needs the one
before: physical memory (a memfd), the reserved user range, the trap handlers for user mode, the
timer, then the interrupt thread. Before all that, the host terminal, if Zinc runs on one, goes
raw (serial.c). The program's arguments are the boot arguments: `zinc test`, `zinc bench`,
`zinc run hello`. */
#include "libos.h"
#include "kernel/frame.h"
#include "kernel/main.h"

int main(int argc, char **argv)
{
    libos_check_host();
    libos_serial_init(); /* before any thread starts: it sets the signal mask they inherit */
    libos_set_boot_args(argc, argv);
    libos_pmem_init();
    frame_add_region(0, hal_pmem_size());
    libos_mmu_init();
    libos_context_init();
    libos_timer_init();
    libos_irq_start();
    kmain();
}
