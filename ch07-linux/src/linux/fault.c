/*: # What a fault of a Linux program becomes

A fault that chapter 4 could not resolve (no page to map, a permission the mapping lacks) comes to
the personality, which makes it a signal for the thread, taken on its way back to user mode like any
other (linux/signals.c): a handler runs, or the process ends. Which signal, and the code its
siginfo carries, follow Linux, since programs and debuggers read them:

- an illegal instruction is `SIGILL` (`ILL_ILLOPC`), a breakpoint `SIGTRAP` (`TRAP_BRKPT`), a
  division by zero `SIGFPE` (`FPE_INTDIV`), each with the instruction's address;
- a page fault is `SIGSEGV` with the address: `SEGV_MAPERR` where nothing is mapped, `SEGV_ACCERR`
  where a mapping is but does not allow the access (a write to read-only memory, a jump into data);
- except past the end of a file: a page of a shared mapping of a file that lies beyond the file's
  last byte has nothing behind it, and Linux says so with `SIGBUS` (`BUS_ADRERR`), so that a
  program that maps a file and then sees it shrink learns why. (A private mapping of a file is a
  snapshot made at `mmap`, linux/mmap_file.c, whose pages past the end read as zeros.)

Telling the three page faults apart takes a look at the mapping under the address, through the list
`fork` uses (linux/regions.h): faults are rare enough for it. */
#include "linux/fault.h"

#include <asm/siginfo.h>

#include "linux/regions.h"
#include "linux/signals.h"

/* The signal and code of a page fault at addr in t's process. */
static void page_fault_signal(struct thread *t, vaddr_t addr, int *sig, int *code)
{
    struct vmar *root = t->process->space;
    vaddr_t page = PAGE_ROUND_DOWN(addr);
    struct region *r = NULL;
    *sig = SIGSEGV;
    *code = SEGV_MAPERR;
    if (page < root->start || page - root->start >= root->size ||
        regions_of(root, page, page + PAGE_SIZE, &r) || !r)
        return;
    if (r->offset >= vmo_size(r->vmo)) {
        *sig = SIGBUS;
        *code = BUS_ADRERR;
    } else {
        *code = SEGV_ACCERR;
    }
    regions_free(r);
}

zx_status_t linux_fault(struct thread *t, const struct hal_trap *trap)
{
    int sig, code;
    switch (trap->kind) {
    case HAL_TRAP_ILLEGAL:
        linux_signal_forced(t, SIGILL, ILL_ILLOPC, hal_context_pc(t->ctx));
        break;
    case HAL_TRAP_BREAKPOINT:
        linux_signal_forced(t, SIGTRAP, TRAP_BRKPT, hal_context_pc(t->ctx));
        break;
    case HAL_TRAP_ARITHMETIC:
        linux_signal_forced(t, SIGFPE, FPE_INTDIV, hal_context_pc(t->ctx));
        break;
    case HAL_TRAP_PAGE_FAULT:
        page_fault_signal(t, trap->addr, &sig, &code);
        linux_signal_forced(t, sig, code, trap->addr);
        break;
    default:
        linux_signal_forced(t, SIGSEGV, SI_KERNEL, 0);
        break;
    }
    return ZX_OK;
}
