/*: # A thread's own pointer, and its end

Each thread of a C program has thread-local storage (`errno`, the C library's per-thread state),
found through a register the kernel saves and restores with the thread: `fs`'s base on x86_64, `tp`
on riscv64. On riscv64 a program sets `tp` itself, with an ordinary instruction; on x86_64 writing
`fs`'s base takes a privileged instruction (or the fsgsbase instructions, which not every processor
has), so the C library asks the kernel: `arch_prctl(ARCH_SET_FS, address)`.

`set_tid_address` names a word that the kernel clears and wakes (as a futex) when the thread ends
(linux/personality.c), and answers the thread's id. */
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

#ifdef __NR_arch_prctl
#include <asm/prctl.h> /* x86_64 only */

static int64_t linux_arch_prctl(const uint64_t *arg)
{
    struct thread *t = thread_current();
    hal_context_unload(); /* the base may be in the CPU still, not in t->ctx (hal/context.h) */
    switch (arg[0]) {
    case ARCH_SET_FS:
        if (arg[1] >= HAL_USER_END)
            return -EPERM;
        hal_context_set_tls(t->ctx, arg[1]);
        return 0;
    case ARCH_GET_FS: {
        uint64_t fs = hal_context_tls(t->ctx);
        return copy_to_user(arg[1], &fs, sizeof fs);
    }
    default:
        return -EINVAL;
    }
}
LINUX_SYSCALL(arch_prctl, linux_arch_prctl);
#endif

static int64_t linux_set_tid_address(const uint64_t *arg)
{
    struct linux_thread *lt = linux_thread_current();
    lt->clear_child_tid = arg[0];
    return lt->tid;
}
LINUX_SYSCALL(set_tid_address, linux_set_tid_address);
