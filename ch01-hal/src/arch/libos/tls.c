/*: # LibOS: two ways to switch the thread pointer

On x86_64 the thread pointer is the base of the `%fs` segment, and `%gs` has a base too. The kernel
and the user program each need their own: glibc, the compiler's stack protector and the sanitizers
find the kernel thread's data through `%fs`, and a user program finds its thread-local storage the
same way. So every crossing between the two switches the `%fs` base, in assembly (context.S), where
no C code runs with the wrong one. A user-mode process on Linux has two ways to load a segment base:

- **The fsgsbase instructions**, `wrfsbase` and `rdfsbase` (and the same for `%gs`): a few cycles
  each. Linux 5.9 and later let user programs use them when the CPU has them, and says so in the
  auxiliary vector (`AT_HWCAP2`). On this path a trap also *reads* the user's two bases, because the
  user program may have moved them with the same instructions, without asking anyone.
- **The system call** `arch_prctl(ARCH_SET_FS, base)`, which works on every x86_64 Linux. It is a
  whole host system call, and in a virtual machine a dear one: loading the base register is a write
  to a model-specific register, which the hypervisor may have to carry out itself.

Many virtual machines hide the instructions, so Zinc takes the first path where it can and the
second where it must, choosing once at start-up. It believes the auxiliary vector, not the CPU's own
`cpuid`: some hosts run the instructions without having turned them on for user programs, and their
Linux then keeps no base that a program set that way when it switches threads.
`ZINC_LIBOS_TLS=syscall` forces the second path on a machine that has both (`make test` runs chapter
1 and the latest stage that way too, so the second path is tested everywhere), and
`ZINC_LIBOS_TLS=fsgsbase` insists on the first. `make bench` prints the round trip of each path the
machine allows.

The system-call path makes as few calls as it can, because each one costs as much as the rest of the
trip. The kernel's own `%fs` base never changes while its host thread lives, so it is recorded once,
when the thread first runs user code, and never read again. The user's bases are not read at a trap:
without the instructions a user program cannot move them by itself (it asks the kernel, which writes
the context), so the context already holds them. And the kernel never uses `%gs` (glibc on x86_64
keeps everything at `%fs`), so the user's `%gs` base stays loaded while the kernel runs, and is
loaded again only when the context's value differs from the one in place. What is left is one call
on the way in (the user's `%fs`) and one on the way out (the kernel's), beside the signal that
carries the trap. On the 2-core virtual machine this book was last tested on, whose CPU hides the
instructions, `make bench` printed 12.7 µs for the round trip on this path, against 1.2 µs for the
host's `getppid()`; with the instructions, the same round trip costs one signal and no extra
calls. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "libos.h"

#ifndef HWCAP2_FSGSBASE
#define HWCAP2_FSGSBASE (1 << 1)
#endif

static bool cpu_has_fsgsbase;
static enum libos_tls_path path_for_new_threads;

void libos_tls_init(void)
{
    cpu_has_fsgsbase = getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE;
    path_for_new_threads = cpu_has_fsgsbase ? LIBOS_TLS_FSGSBASE : LIBOS_TLS_SYSCALL;
    const char *forced = getenv("ZINC_LIBOS_TLS");
    if (!forced || !*forced)
        return;
    bool known = strcmp(forced, "syscall") == 0 || strcmp(forced, "fsgsbase") == 0;
    if (!known || (strcmp(forced, "fsgsbase") == 0 && !cpu_has_fsgsbase)) {
        fprintf(stderr, "zinc: ZINC_LIBOS_TLS=%s: %s\n", forced,
                known ? "this CPU (or this Linux) offers no fsgsbase instructions; unset it to use "
                        "arch_prctl"
                      : "it may be \"fsgsbase\" or \"syscall\"");
        exit(2);
    }
    if (strcmp(forced, "syscall") == 0)
        path_for_new_threads = LIBOS_TLS_SYSCALL;
}

bool libos_tls_path_available(enum libos_tls_path path)
{
    return path == LIBOS_TLS_SYSCALL || cpu_has_fsgsbase;
}

enum libos_tls_path libos_tls_path(void)
{
    return path_for_new_threads;
}

void libos_tls_set_path(enum libos_tls_path path)
{
    path_for_new_threads = path;
}

const char *libos_tls_path_name(enum libos_tls_path path)
{
    return path == LIBOS_TLS_FSGSBASE ? "fsgsbase instructions" : "arch_prctl system calls";
}

bool libos_user_sets_own_bases(void)
{
    return path_for_new_threads == LIBOS_TLS_FSGSBASE;
}
