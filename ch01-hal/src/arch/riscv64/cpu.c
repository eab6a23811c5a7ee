/*: # riscv64: the boot arguments, power off, backtraces

**Power off with a verdict.** QEMU's exit status is how a test run reports pass or fail, so
`hal_shutdown` must choose it. The SBI's system reset (SRST) powers off, and QEMU then exits with
status 0; its "reason" argument (system failure) does not reach QEMU's exit status, as OpenSBI
carries out a shutdown on `virt` by writing "pass" to the board's test device whatever the reason.
So a failure writes to that device itself: `(status << 16) | 0x3333` means "fail with this status",
and QEMU exits with it. (The SBI call after it, with the reason, is for a machine where that write
did not end the run.)

**Backtraces.** The kernel is built with frame pointers: each function's frame record, just below
the address in `s0` (`fp`), holds its return address (at `fp - 8`) and the caller's `fp` (at
`fp - 16`). The walk follows the chain while it stays inside the kernel's image, where all kernel
stacks are, so a broken chain ends the walk instead of faulting. Start-up and new threads begin with
`fp = 0`, which ends it too. */
#include <string.h>

#include "csr.h"
#include "ksyms.h"
#include "riscv.h"
#include "sbi.h"
#include "virt.h"

#define TEST_FAIL 0x3333

static char boot_args[512] = "run";

void riscv_set_boot_args(const char *args)
{
    if (!*args)
        return;
    size_t n = strlen(args);
    if (n >= sizeof boot_args)
        n = sizeof boot_args - 1;
    memcpy(boot_args, args, n);
    boot_args[n] = '\0';
}

const char *hal_boot_args(void)
{
    return boot_args;
}

void hal_shutdown(int status)
{
    csr_clear(sstatus, SSTATUS_SIE);
    if (status != 0)
        *(volatile uint32_t *)phys_to_virt(VIRT_TEST) =
            (uint32_t)(status & 0xffff) << 16 | TEST_FAIL;
    sbi_system_reset(SBI_SRST_SHUTDOWN, status ? SBI_SRST_SYSTEM_FAILURE : SBI_SRST_NO_REASON);
    for (;;)
        __asm__ volatile("wfi");
}

static bool in_image(uint64_t fp)
{
    return fp % 8 == 0 && fp >= (uint64_t)kernel_start + 16 && fp <= (uint64_t)kernel_end;
}

void hal_backtrace(int max)
{
    uint64_t fp = (uint64_t)__builtin_frame_address(0);
    for (int depth = 0; depth < max && in_image(fp); depth++) {
        uint64_t ra = ((uint64_t *)fp)[-1];
        if (!ra)
            break;
        ksym_print_frame(depth, ra);
        fp = ((uint64_t *)fp)[-2];
    }
}
