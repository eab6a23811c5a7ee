/*: # Robust futexes: locks whose owner died

A lock built on a futex holds, in its word, the id of the thread that owns it (glibc's and musl's
mutexes do). If that thread dies holding the lock, the word names a thread that will never unlock
it, and every waiter waits for ever. A *robust* mutex asks the kernel for help: each thread keeps,
in its own memory, a list of the robust locks it holds, and tells the kernel where the list is with
`set_robust_list` (robust-futex-ABI in Linux's documentation). When the thread ends, the kernel
walks the list, and in every lock word that still names the thread it sets `FUTEX_OWNER_DIED` in
place of the owner and wakes a waiter, whose `pthread_mutex_lock` then returns `EOWNERDEAD`.

The list is the program's, so the walk trusts nothing: every read goes through the checked copies
(a bad pointer ends the walk), and at most `ROBUST_LIST_LIMIT` entries are visited, as Linux does,
so a list that loops back on itself ends too. */
#include "linux/robust_list.h"

#include <linux/futex.h>

#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "object/futex.h"
#include "syscall/futex_caller.h"

/* The head the program registers (struct robust_list_head): the list, where in each entry its
   lock word is, and an entry being taken or released at this moment. */
struct robust_head {
    uint64_t next, futex_offset, pending;
};

/* Mark the lock word of entry, if thread tid owns it, as its owner dead, and wake a waiter. */
static void release_lock(uaddr_t entry, int64_t futex_offset, int tid)
{
    uaddr_t word = entry + (uint64_t)futex_offset;
    uint32_t value;
    if (word % sizeof value || copy_from_user(&value, word, sizeof value) ||
        (value & FUTEX_TID_MASK) != (uint32_t)tid)
        return;
    uint32_t dead = (value & FUTEX_WAITERS) | FUTEX_OWNER_DIED;
    /* Linux swaps the word atomically. Here a waiter may set FUTEX_WAITERS between the read and
       the write; it then finds the word changed when it goes to sleep (EAGAIN), and looks again:
       nobody sleeps on a lock nobody will release. */
    if (copy_to_user(word, &dead, sizeof dead) == 0 && (value & FUTEX_WAITERS)) {
        struct futex_space s = futex_caller_space();
        futex_wake(&s, word, 1, false);
    }
}

void linux_robust_list_release(struct linux_thread *lt)
{
    struct robust_head head;
    if (!lt->robust_list || copy_from_user(&head, lt->robust_list, sizeof head))
        return;
    uaddr_t entry = head.next;
    for (int i = 0; entry != lt->robust_list && i < ROBUST_LIST_LIMIT; i++) {
        uint64_t next;
        if (copy_from_user(&next, entry, sizeof next))
            break;
        if (entry != head.pending) /* the pending one is released below, once */
            release_lock(entry, (int64_t)head.futex_offset, lt->tid);
        entry = next & ~1ull; /* bit 0 marks a priority-inheritance lock */
    }
    if (head.pending)
        release_lock(head.pending & ~1ull, (int64_t)head.futex_offset, lt->tid);
}

static int64_t linux_set_robust_list(const uint64_t *arg)
{
    if (arg[1] != sizeof(struct robust_head))
        return -EINVAL;
    linux_thread_current()->robust_list = arg[0];
    return 0;
}
LINUX_SYSCALL(set_robust_list, linux_set_robust_list);

/* get_robust_list(tid, head, len): the head of this thread (tid 0) or another of the process. */
static int64_t linux_get_robust_list(const uint64_t *arg)
{
    struct linux_thread *lt = linux_thread_current();
    if (arg[0] && (int)arg[0] != lt->tid)
        return -ESRCH; /* other threads' lists are theirs: not served */
    uint64_t len = sizeof(struct robust_head);
    if (copy_to_user(arg[1], &lt->robust_list, sizeof lt->robust_list) ||
        copy_to_user(arg[2], &len, sizeof len))
        return -EFAULT;
    return 0;
}
LINUX_SYSCALL(get_robust_list, linux_get_robust_list);
