/*: # Dispatching a Linux system call

The table of linux/syscall.h, turned at boot into an array indexed by the call's number. The
numbers are small (under 512 on both architectures), so the array is the whole map: a call is one
index and one indirect call, as in Linux itself.

A number no file registered gets `-ENOSYS`. Programs probe for newer calls this way and fall back
(glibc tries `clone3`, then `clone`; `rseq` and `set_robust_list` are optional), so an unknown call
is not an error; it is logged, once per number, with the name of the program that made it, because
a program that does *not* fall back is the next thing to implement. */
#include "kernel/init.h"
#include "kernel/panic.h"
#include "kernel/printk.h"
#include "linux/syscall.h"
#include "task/task.h"

#define LINUX_SYSCALLS 512

static const struct linux_syscall *by_number[LINUX_SYSCALLS];
/* atomic: the unknown numbers logged already; the bit after the table's stands for every number
   beyond it, or a program making random calls would log each one */
static uint64_t reported[LINUX_SYSCALLS / 64 + 1];

static void linux_syscalls_init(void)
{
    TABLE_FOREACH(struct linux_syscall, linux_syscalls, s)
    {
        kassert(s->nr < LINUX_SYSCALLS && !by_number[s->nr]); /* each call registered once */
        by_number[s->nr] = s;
    }
}
INIT_STEP(linux_syscalls_init, INIT_KERNEL);

const char *linux_syscall_name(uint64_t nr)
{
    return nr < LINUX_SYSCALLS && by_number[nr] ? by_number[nr]->name : "?";
}

static void report_unknown(uint64_t nr)
{
    uint64_t slot = nr < LINUX_SYSCALLS ? nr : LINUX_SYSCALLS, bit = 1ull << (slot % 64);
    if (__atomic_fetch_or(&reported[slot / 64], bit, __ATOMIC_RELAXED) & bit)
        return;
    struct thread *t = thread_current();
    char name[ZX_MAX_NAME_LEN];
    kobject_get_name(&t->process->base, name);
    kprintf("linux: %s made system call %lu, which Zinc does not serve: -ENOSYS\n", name,
            (unsigned long)nr);
}

int64_t linux_syscall_dispatch(uint64_t nr, const uint64_t arg[6])
{
    if (nr >= LINUX_SYSCALLS || !by_number[nr]) {
        report_unknown(nr);
        return -ENOSYS;
    }
    return by_number[nr]->call(arg);
}
