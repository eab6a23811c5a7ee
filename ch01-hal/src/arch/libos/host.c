/*: # LibOS: what the host must have

The LibOS runs on a Linux host that is x86_64 (the build says so before it compiles anything:
tools/arch/libos.mk) and has Syscall User Dispatch (Linux 5.11 and later, on a kernel built with
it). Start-up asks the host for the dispatch once, on the main thread, and gives it back at once: it
is the one thing no fallback can replace, since without it a user program's `syscall` would go
straight to Linux. A host that cannot run the LibOS gets one line that says why and what to do
instead, and a failing exit status: not a kernel panic, which would be a kernel's bug, not a missing
feature of the machine. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>

#include "libos.h"

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_OFF 0
#define PR_SYS_DISPATCH_ON 1
#endif

void libos_refuse(const char *why, ...)
{
    va_list ap;
    va_start(ap, why);
    fprintf(stderr, "zinc: the LibOS cannot run here: ");
    vfprintf(stderr, why, ap);
    fprintf(stderr, ". Run Zinc in QEMU instead: make run ARCH=x86_64 (or ARCH=riscv64)\n");
    va_end(ap);
    exit(2);
}

void libos_check_host(void)
{
    static volatile char selector; /* ALLOW: the probe's own prctl calls go through */
    if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0, 0, &selector))
        libos_refuse("this Linux has no Syscall User Dispatch (Linux 5.11 or later has it)");
    if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0))
        libos_refuse("Syscall User Dispatch cannot be turned off again");
}
