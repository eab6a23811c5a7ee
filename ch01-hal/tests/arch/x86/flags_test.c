/*: # x86: the flags a program may set

A program may set the alignment-check flag itself (user/x86_64/align.S). The kernel must keep it
for the program across a system call, and must not run with it: on LibOS, where kernel and program
run at the same privilege, a trap that kept it checked the kernel's own accesses, and the first
unaligned vector move in the trap handler's C code ended the kernel with SIGBUS (found by
final/user/linux/linux-fuzz.c, through `rt_sigreturn` with a random frame). */
#include "kernel/ktest.h"
#include "user_support.h"

KTEST(alignment_check_is_the_programs_alone)
{
    struct user_run r;
    KASSERT_EQ(user_run_load(&r, "align", 0, 0), 0);
    user_run_serve(&r);
    KEXPECT_TRUE(r.outcome.exited);
    KEXPECT_EQ(r.outcome.status, 0x40000); /* the flag, still set after the call */
    user_run_free(&r);
}
