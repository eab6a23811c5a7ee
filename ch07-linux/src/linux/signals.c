/*: # Signals: sending, taking, and the calls

Sending a signal only marks it pending (for the process, or for one thread) and wakes a thread that
does not block it; everything else happens on that thread's way back to user mode, in
`linux_signal_deliver`, which the personality calls there. One signal is taken at a time: its
handler runs, and the next pending signal is taken when the handler returns to the kernel, or the
thread makes its next system call. A standard signal is one bit, however often it was sent; a
real-time one is a bit that stays set while its queue (linux/rt_queue.h) holds instances, each
taken on its own, with its own siginfo. Both kinds are taken lowest number first, a thread's own
before its process's, as Linux's.

The default actions follow signal(7): `SIGCHLD`, `SIGURG`, `SIGWINCH` and `SIGCONT` are ignored;
the stop signals stop the process (linux/stop.h); all others end the process, reported to its
parent as a death by that signal. `SIGKILL` and `SIGSTOP` can be neither caught, ignored nor
blocked.

Job control adds three rules to sending. A stop signal discards a pending `SIGCONT`, and `SIGCONT`
the pending stop signals; and `SIGCONT` continues a stopped process as it is sent, whatever the
process does with it (it may still be caught, and is taken as any signal once the process runs).
A stopped process's threads wait at the top of `linux_signal_deliver`, on their way to user mode,
and take nothing while they wait: `SIGCONT` wakes them to go on, `SIGKILL` to end. A system call
that the stop interrupted is made again after the continue, as Linux makes again any call
interrupted by a signal that runs no handler (though a relative sleep then sleeps its whole time
again, where Linux remembers what was left). */
#include "linux/signals.h"

#include <string.h>

#include "exec/suspend.h"
#include "kernel/kmalloc.h"
#include "kernel/printk.h"
#include "linux/block.h"
#include "linux/exit.h"
#include "linux/memory.h"
#include "linux/rt_queue.h"
#include "linux/sigaltstack.h"
#include "linux/stop.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "object/event.h"
#include "vm/vmar.h"

#define UNBLOCKABLE (SIG_BIT(SIGKILL) | SIG_BIT(SIGSTOP))
#define IGNORED_BY_DEFAULT                                                                         \
    (SIG_BIT(SIGCHLD) | SIG_BIT(SIGURG) | SIG_BIT(SIGWINCH) | SIG_BIT(SIGCONT))

int linux_signals_attach(struct linux_process *lp, const struct linux_signals *copy_of)
{
    lp->signals = kzalloc(sizeof *lp->signals);
    lp->origin = kzalloc(sizeof *lp->origin * LINUX_NSIG);
    if (!lp->signals || !lp->origin || event_create(&lp->running) != ZX_OK)
        return -ENOMEM;
    kobject_signal(lp->running, 0, ZX_EVENT_SIGNALED);
    if (copy_of)
        *lp->signals = *copy_of;
    return 0;
}

void linux_signals_detach(struct linux_process *lp)
{
    hal_lock_acquire(&linux_tree_lock); /* the instances queued for it, and for its threads */
    rt_queue_drop(lp, SIG_REALTIME, RT_QUEUED_FOR_ANYONE);
    hal_lock_release(&linux_tree_lock);
    kfree(lp->signals);
    kfree(lp->origin);
    if (lp->running)
        kobject_unref(lp->running);
    lp->signals = NULL;
    lp->origin = NULL;
    lp->running = NULL;
}

/* A new program keeps what its parent ignored and nothing else, and no alternate stack (its
   thread, the only one left, had one in the old program's memory); it gets the trampoline page.
   The signals pending for the process stay, as Linux's; the real-time instances queued for
   threads are dropped (the thread left takes the pid as its id, which they do not name). */
void linux_signals_exec(struct linux_process *lp)
{
    for (int i = 0; i < LINUX_NSIG; i++)
        if (lp->signals->action[i].handler != (uint64_t)SIG_IGN)
            lp->signals->action[i] = (struct linux_sigaction){0};
    hal_lock_acquire(&linux_tree_lock);
    rt_queue_drop(lp, SIG_REALTIME, RT_QUEUED_FOR_THREADS);
    hal_lock_release(&linux_tree_lock);
    struct process *p = lp->process;
    hal_lock_acquire(&p->lock);
    for (struct thread *t = p->threads; t; t = t->next_in_process) {
        struct linux_thread *lt = t->personality_state;
        if (lt) {
            linux_altstack_reset(lt);
            __atomic_fetch_and(&lt->pending, ~SIG_REALTIME, __ATOMIC_SEQ_CST);
        }
    }
    hal_lock_release(&p->lock);
    struct vmar *root = p->space;
    struct vmo *vmo;
    vaddr_t addr;
    lp->trampoline = 0;
    if (vmo_create(PAGE_SIZE, false, &vmo) != ZX_OK)
        return;
    kobject_set_name(&vmo->base, LINUX_VMO_SIGRETURN, ZX_MAX_NAME_LEN);
    if (vmo_write(vmo, 0, sigframe_trampoline, sigframe_trampoline_size) == ZX_OK &&
        vmar_map(root, ZX_VM_SPECIFIC | ZX_VM_PERM_READ | ZX_VM_PERM_EXECUTE,
                 USER_STACK_TOP - root->start, vmo, 0, PAGE_SIZE, &addr) == ZX_OK)
        lp->trampoline = addr;
    kobject_unref(&vmo->base);
}

static bool ignored(const struct linux_process *lp, int sig)
{
    uint64_t handler = lp->signals->action[sig - 1].handler;
    return handler == (uint64_t)SIG_IGN ||
           (handler == (uint64_t)SIG_DFL && (SIG_BIT(sig) & IGNORED_BY_DEFAULT));
}

static bool stopped(const struct linux_process *lp)
{
    return __atomic_load_n(&lp->stopped, __ATOMIC_SEQ_CST);
}

static uint64_t pending_for(const struct thread *t)
{
    struct linux_thread *lt = t->personality_state;
    struct linux_process *lp = t->process->personality_state;
    return __atomic_load_n(&lt->pending, __ATOMIC_SEQ_CST) |
           __atomic_load_n(&lp->pending, __ATOMIC_SEQ_CST);
}

/* Does thread t have a signal to take now? Then its waits must end. While its process is stopped,
   only SIGKILL is taken. A sender marks the signal pending, then sets `interrupted` (notify): if
   that came between the look at the pending signals and the store here, the store undid it, and
   the pending signals have changed since the look; so they are looked at again. */
static void update_interrupted(struct thread *t)
{
    struct linux_thread *lt = t->personality_state;
    uint64_t takeable = stopped(t->process->personality_state)
                            ? SIG_BIT(SIGKILL)
                            : ~(lt->blocked & ~UNBLOCKABLE) | lt->waiting_for;
    uint64_t pending;
    do {
        pending = pending_for(t);
        bool now = (pending & takeable) != 0;
        /* Stored only when it changes: a locked store on every return to user mode costs more
           than the look. */
        if (__atomic_load_n(&lt->interrupted, __ATOMIC_SEQ_CST) != now)
            __atomic_store_n(&lt->interrupted, now, __ATOMIC_SEQ_CST);
    } while (pending_for(t) != pending);
}

/* Would thread lt take sig now, or a wait of its for sig (rt_sigtimedwait) end with it? */
static bool wants(const struct linux_thread *lt, int sig)
{
    return !(lt->blocked & ~UNBLOCKABLE & SIG_BIT(sig)) || (lt->waiting_for & SIG_BIT(sig));
}

/* Wake the threads of lp that want sig, out of their waits or out of user code. */
static void notify(struct linux_process *lp, int sig)
{
    struct process *p = lp->process;
    hal_lock_acquire(&p->lock);
    for (struct thread *t = p->threads; t; t = t->next_in_process) {
        struct linux_thread *lt = t->personality_state;
        if (lt && wants(lt, sig)) {
            __atomic_store_n(&lt->interrupted, true, __ATOMIC_SEQ_CST);
            thread_loop_poke(t);
        }
    }
    hal_lock_release(&p->lock);
}

/* Does a thread of lp block sig, or wait for it? Then it is not dropped though ignored: as Linux's,
   a blocked signal is kept, the disposition may change (or rt_sigtimedwait take it) before it is
   unblocked. */
static bool held_back(struct linux_process *lp, int sig)
{
    struct process *p = lp->process;
    bool held = false;
    hal_lock_acquire(&p->lock);
    for (struct thread *t = p->threads; t && !held; t = t->next_in_process) {
        struct linux_thread *lt = t->personality_state;
        held = lt && ((lt->blocked | lt->waiting_for) & SIG_BIT(sig));
    }
    hal_lock_release(&p->lock);
    return held;
}

/* Queue an instance of real-time signal sig for thread tid of lp (0: for lp itself): 0, or
   -EAGAIN; one that kill sends (SI_USER) is made pending all the same, without its siginfo, as
   Linux's. With the tree lock. */
static int queue_instance(struct linux_process *lp, int sig, int tid,
                          const struct signal_origin *origin)
{
    int err = rt_queue_add(lp, tid, sig, origin);
    return err && origin->code != SI_USER ? err : 0;
}

/* Lock order: the tree's, then a process's (notify). */
int linux_signal_process(struct linux_process *lp, int sig, struct signal_origin origin)
{
    if (lp->exited)
        return 0;
    if (SIG_BIT(sig) & SIG_STOPPING)
        __atomic_fetch_and(&lp->pending, ~SIG_BIT(SIGCONT), __ATOMIC_SEQ_CST);
    if (sig == SIGCONT) {
        __atomic_fetch_and(&lp->pending, ~SIG_STOPPING, __ATOMIC_SEQ_CST);
        linux_continue(lp);
    }
    if (ignored(lp, sig) && !held_back(lp, sig))
        return 0; /* an ignored signal is dropped as it is sent */
    if (SIG_BIT(sig) & SIG_REALTIME) {
        int err = queue_instance(lp, sig, 0, &origin);
        if (err)
            return err;
    } else {
        lp->origin[sig - 1] = origin;
    }
    __atomic_fetch_or(&lp->pending, SIG_BIT(sig), __ATOMIC_SEQ_CST);
    if (!stopped(lp) || sig == SIGKILL)
        notify(lp, sig); /* a stopped process takes it once continued */
    return 0;
}

void linux_signal_thread(struct thread *t, int sig)
{
    linux_signal_thread_from(t, sig, (struct signal_origin){.code = SI_USER});
}

int linux_signal_thread_from(struct thread *t, int sig, struct signal_origin origin)
{
    struct linux_thread *lt = t->personality_state;
    struct linux_process *lp = t->process->personality_state;
    if (ignored(lp, sig) && !((lt->blocked | lt->waiting_for) & SIG_BIT(sig)))
        return 0;
    if (SIG_BIT(sig) & SIG_REALTIME) {
        int err = queue_instance(lp, sig, lt->tid, &origin);
        if (err)
            return err;
        __atomic_fetch_or(&lt->pending, SIG_BIT(sig), __ATOMIC_SEQ_CST);
        update_interrupted(t);
        return 0;
    }
    lt->fault_code = origin.code;
    lt->fault_addr = 0;
    lt->sender_pid = origin.pid;
    lt->sender_uid = origin.uid;
    lt->sender_value = origin.value;
    __atomic_fetch_or(&lt->pending, SIG_BIT(sig), __ATOMIC_SEQ_CST);
    update_interrupted(t);
    return 0;
}

void linux_signal_forced(struct thread *t, int sig, int code, uint64_t addr)
{
    struct linux_thread *lt = t->personality_state;
    struct linux_process *lp = t->process->personality_state;
    struct linux_sigaction *act = &lp->signals->action[sig - 1];
    if (act->handler == (uint64_t)SIG_IGN || (lt->blocked & SIG_BIT(sig))) {
        *act = (struct linux_sigaction){0}; /* as Linux: a fault cannot be ignored away */
        lt->blocked &= ~SIG_BIT(sig);
    }
    lt->fault_code = code;
    lt->fault_addr = addr;
    lt->sender_pid = lt->sender_uid = 0;
    lt->sender_value = 0;
    __atomic_fetch_or(&lt->pending, SIG_BIT(sig), __ATOMIC_SEQ_CST);
    update_interrupted(t);
}

/* The lowest signal of a non-empty set. (A loop: riscv64's kernel has no library for gcc's
   count-trailing-zeros builtin.) */
static int lowest(uint64_t set)
{
    int sig = 1;
    for (; !(set & 1); set >>= 1)
        sig++;
    return sig;
}

/* The siginfo of a signal from origin: a kernel's (si_code > 0) tells a status, a program's the
   value it gave. */
static void fill_info(siginfo_t *info, int sig, struct signal_origin o)
{
    info->si_signo = sig;
    info->si_code = o.code;
    info->si_pid = o.pid;
    info->si_uid = o.uid;
    if (o.code > 0)
        info->si_status = o.status;
    else
        info->si_value.sival_ptr = (void *)o.value;
}

/* Take the oldest instance of real-time signal sig for thread tid of lp (0: lp's own), whose
   pending bit is in *pending, with its siginfo: the bit is cleared with the last instance. One
   whose siginfo was lost (a kill past the queue's bound) is SI_USER from nobody, as Linux's. With
   the tree lock. */
static void take_instance(struct linux_process *lp, uint64_t *pending, int tid, int sig,
                          siginfo_t *info)
{
    struct signal_origin origin = {.code = SI_USER};
    bool more;
    rt_queue_take(lp, tid, sig, &origin, &more);
    if (!more)
        __atomic_fetch_and(pending, ~SIG_BIT(sig), __ATOMIC_SEQ_CST);
    fill_info(info, sig, origin);
}

/* Take the lowest pending signal of allowed for t: its number, and its siginfo; 0 if none. With
   then_stop, a stop signal whose action is the default stops the process as it is taken, under
   the tree lock that SIGCONT is sent under: a SIGCONT sent before discarded it, one sent after
   finds the process stopped and continues it. */
static int take_of(struct thread *t, uint64_t allowed, siginfo_t *info, bool then_stop)
{
    struct linux_thread *lt = t->personality_state;
    struct linux_process *lp = t->process->personality_state;
    uint64_t mine = __atomic_load_n(&lt->pending, __ATOMIC_SEQ_CST) & allowed;
    if (mine) {
        memset(info, 0, sizeof *info);
        int sig = lowest(mine);
        if (SIG_BIT(sig) & SIG_REALTIME) {
            hal_lock_acquire(&linux_tree_lock);
            bool still = __atomic_load_n(&lt->pending, __ATOMIC_SEQ_CST) & SIG_BIT(sig);
            if (still)
                take_instance(lp, &lt->pending, lt->tid, sig, info);
            hal_lock_release(&linux_tree_lock);
            return still ? sig : take_of(t, allowed, info, then_stop); /* rt_sigaction dropped it */
        }
        __atomic_fetch_and(&lt->pending, ~SIG_BIT(sig), __ATOMIC_SEQ_CST);
        if (lt->fault_code > 0) { /* a fault, or the kernel's (SI_KERNEL) */
            info->si_signo = sig;
            info->si_code = lt->fault_code;
            info->si_addr = (void *)lt->fault_addr;
        } else {
            fill_info(info, sig,
                      (struct signal_origin){lt->fault_code, lt->sender_pid, 0, lt->sender_uid,
                                             lt->sender_value});
        }
        return sig;
    }
    int sig = 0;
    if (!(__atomic_load_n(&lp->pending, __ATOMIC_SEQ_CST) & allowed))
        return 0; /* the common case, on every return to user mode: no lock, no memset */
    memset(info, 0, sizeof *info);
    hal_lock_acquire(&linux_tree_lock);
    while (!sig) {
        uint64_t shared = __atomic_load_n(&lp->pending, __ATOMIC_SEQ_CST) & allowed;
        if (!shared)
            break;
        sig = lowest(shared);
        if (SIG_BIT(sig) & SIG_REALTIME) /* dropped only under the tree lock */
            take_instance(lp, &lp->pending, 0, sig, info);
        else if (!(__atomic_fetch_and(&lp->pending, ~SIG_BIT(sig), __ATOMIC_SEQ_CST) &
                   SIG_BIT(sig)))
            sig = 0; /* rt_sigaction dropped it meanwhile */
        else
            fill_info(info, sig, lp->origin[sig - 1]);
    }
    if (then_stop && sig && (SIG_BIT(sig) & SIG_STOPPING) &&
        lp->signals->action[sig - 1].handler == (uint64_t)SIG_DFL) {
        linux_stop(lp, sig);
        notify(lp, SIGSTOP); /* the process's other threads come to wait too */
    }
    hal_lock_release(&linux_tree_lock);
    return sig;
}

/* Take the lowest pending signal t does not block, acting on it. */
static int take(struct thread *t, siginfo_t *info)
{
    struct linux_thread *lt = t->personality_state;
    return take_of(t, ~(lt->blocked & ~UNBLOCKABLE), info, true);
}

uint64_t linux_signal_pending(struct thread *t)
{
    return pending_for(t);
}

int linux_signal_dequeue(struct thread *t, uint64_t set, siginfo_t *info)
{
    return take_of(t, set & ~UNBLOCKABLE, info, false);
}

void linux_signal_wait_for(struct thread *t, uint64_t set)
{
    struct linux_thread *lt = t->personality_state;
    __atomic_store_n(&lt->waiting_for, set & ~UNBLOCKABLE, __ATOMIC_SEQ_CST);
    update_interrupted(t);
}

/* Calls that a handler never makes run again (they return -EINTR whatever SA_RESTART says), as
   signal(7) lists: the waits for a signal and the sleeps, the multiplexing waits. */
static bool never_restarted(uint64_t nr)
{
    return nr == __NR_rt_sigsuspend || nr == __NR_rt_sigtimedwait || nr == __NR_nanosleep ||
           nr == __NR_clock_nanosleep || nr == __NR_ppoll || nr == __NR_pselect6 ||
           nr == __NR_epoll_pwait
#ifdef __NR_pause /* x86_64 only, with its old poll, select and epoll_wait */
           || nr == __NR_pause || nr == __NR_poll || nr == __NR_select || nr == __NR_epoll_wait
#endif
        ;
}

/* Call the handler of sig with info: the frame, the mask, and a call interrupted by it. */
static void run_handler(struct thread *t, int sig, const siginfo_t *info, bool after_syscall)
{
    struct linux_thread *lt = t->personality_state;
    struct linux_process *lp = t->process->personality_state;
    struct linux_sigaction act = lp->signals->action[sig - 1];
    if (after_syscall && sigframe_syscall_result(t->ctx) == -EINTR && (act.flags & SA_RESTART) &&
        !never_restarted(lt->syscall_nr))
        sigframe_restart_syscall(t->ctx, lt->syscall_nr, lt->syscall_arg0);
    struct sigframe_stack where = linux_altstack_frame_stack(lt, t->ctx, &act);
    struct sigframe_saved saved = {lt->has_saved_mask ? lt->saved_mask : lt->blocked,
                                   linux_altstack_save(lt)};
    lt->has_saved_mask = false;
    if (sigframe_push(t->ctx, where, &act, info, &saved, lp->trampoline)) {
        linux_exit_group(t->process, SIGSEGV); /* no stack to run the handler on */
        return;
    }
    lt->blocked |= act.mask | (act.flags & SA_NODEFER ? 0 : SIG_BIT(sig));
    lt->blocked &= ~UNBLOCKABLE;
    if (act.flags & SA_RESETHAND)
        lp->signals->action[sig - 1] = (struct linux_sigaction){0};
}

/* A program killed by its own fault: the kernel says where, which is what a reader porting a
   program wants to know first (Linux says it only in its log, as a "segfault at" line). */
static void report_fault(struct thread *t, const siginfo_t *info)
{
    uint64_t faults =
        SIG_BIT(SIGSEGV) | SIG_BIT(SIGBUS) | SIG_BIT(SIGILL) | SIG_BIT(SIGFPE) | SIG_BIT(SIGTRAP);
    if (!(SIG_BIT(info->si_signo) & faults) || info->si_code == SI_USER)
        return;
    char name[ZX_MAX_NAME_LEN];
    kobject_get_name(&t->process->base, name);
    kprintf("linux: %s (pid %d) killed by signal %d at 0x%lx, pc 0x%lx\n", name,
            ((struct linux_process *)t->process->personality_state)->pid, info->si_signo,
            (unsigned long)info->si_addr, (unsigned long)hal_context_pc(t->ctx));
}

/* While t's process is stopped, wait for it to be continued (as a call waits: linux/block.h), or
   end with SIGKILL. True while t must not go on to user mode: it waits, and comes back here when
   the wait ends, or it is ending. */
static bool wait_while_stopped(struct thread *t)
{
    struct linux_process *lp = t->process->personality_state;
    while (stopped(lp)) {
        if (__atomic_load_n(&t->kill, __ATOMIC_SEQ_CST))
            return true;
        if (pending_for(t) & SIG_BIT(SIGKILL)) {
            linux_exit_group(t->process, SIGKILL);
            return true;
        }
        update_interrupted(t); /* nothing but SIGKILL may end the wait */
        if (linux_block_on(lp->running, ZX_EVENT_SIGNALED, HAL_NO_DEADLINE) == WAIT_PENDING)
            return true;
    }
    return false;
}

void linux_signal_deliver(struct thread *t)
{
    struct linux_thread *lt = t->personality_state;
    struct linux_process *lp = t->process->personality_state;
    bool after_syscall = lt->after_syscall; /* kept while the thread waits stopped */
    /* Almost every return to user mode: no signal pending, the process running, no mask to put
       back and no call interrupted. Then the steps below would all do nothing (and `interrupted`,
       false already, stays so), so they are skipped: a sixth of a null system call. */
    if (!pending_for(t) && !stopped(lp) && !lt->has_saved_mask &&
        !__atomic_load_n(&lt->interrupted, __ATOMIC_SEQ_CST) &&
        !(after_syscall && sigframe_syscall_result(t->ctx) == -EINTR)) {
        lt->after_syscall = false;
        return;
    }
    siginfo_t info;
    int sig;
    for (;;) {
        if (wait_while_stopped(t))
            return;
        if (!(sig = take(t, &info)))
            break;
        uint64_t handler = lp->signals->action[sig - 1].handler;
        if (handler == (uint64_t)SIG_IGN ||
            (handler == (uint64_t)SIG_DFL && (SIG_BIT(sig) & (IGNORED_BY_DEFAULT | SIG_STOPPING))))
            continue; /* a stop signal's default action was taken with it */
        if (handler == (uint64_t)SIG_DFL) {
            report_fault(t, &info);
            linux_exit_group(t->process, sig);
            return;
        }
        run_handler(t, sig, &info, after_syscall);
        break;
    }
    lt->after_syscall = false;
    if (!sig && lt->has_saved_mask) { /* a sigsuspend that took no handler */
        lt->blocked = lt->saved_mask;
        lt->has_saved_mask = false;
    }
    if (!sig && after_syscall && sigframe_syscall_result(t->ctx) == -EINTR)
        sigframe_restart_syscall(t->ctx, lt->syscall_nr, lt->syscall_arg0); /* no handler ran */
    update_interrupted(t);
}

/* A pending signal now ignored is dropped, blocked or not, with its queued instances: the
   process's and every thread's, as POSIX's sigaction says. */
static void drop_pending(struct linux_process *lp, int sig)
{
    struct process *p = lp->process;
    hal_lock_acquire(&linux_tree_lock);
    rt_queue_drop(lp, SIG_BIT(sig), RT_QUEUED_FOR_ANYONE);
    __atomic_fetch_and(&lp->pending, ~SIG_BIT(sig), __ATOMIC_SEQ_CST);
    hal_lock_acquire(&p->lock);
    for (struct thread *t = p->threads; t; t = t->next_in_process)
        if (t->personality_state)
            __atomic_fetch_and(&((struct linux_thread *)t->personality_state)->pending,
                               ~SIG_BIT(sig), __ATOMIC_SEQ_CST);
    hal_lock_release(&p->lock);
    hal_lock_release(&linux_tree_lock);
}

static int64_t linux_rt_sigaction(const uint64_t *arg)
{
    int sig = (int)arg[0];
    if (sig < 1 || sig > LINUX_NSIG || arg[3] != sizeof(sigset_t))
        return -EINVAL;
    struct linux_process *lp = linux_current();
    struct linux_sigaction *act = &lp->signals->action[sig - 1];
    struct sigaction user;
    if (arg[2]) {
        memset(&user, 0, sizeof user);
        user.sa_handler = (__sighandler_t)act->handler;
        user.sa_flags = act->flags;
#ifdef SA_RESTORER
        user.sa_restorer = (__sigrestore_t)act->restorer;
#endif
        memcpy(&user.sa_mask, &act->mask, sizeof act->mask);
        if (copy_to_user(arg[2], &user, sizeof user))
            return -EFAULT;
    }
    if (!arg[1])
        return 0;
    if (SIG_BIT(sig) & UNBLOCKABLE)
        return -EINVAL;
    if (copy_from_user(&user, arg[1], sizeof user))
        return -EFAULT;
    struct linux_sigaction new = {(uint64_t)user.sa_handler, user.sa_flags, 0, 0};
#ifdef SA_RESTORER
    new.restorer = (uint64_t)user.sa_restorer;
#endif
    memcpy(&new.mask, &user.sa_mask, sizeof new.mask);
    *act = new;
    if (ignored(lp, sig))
        drop_pending(lp, sig);
    return 0;
}
LINUX_SYSCALL(rt_sigaction, linux_rt_sigaction);

static int64_t linux_rt_sigprocmask(const uint64_t *arg)
{
    struct linux_thread *lt = linux_thread_current();
    uint64_t set, old = lt->blocked;
    if (arg[3] != sizeof(sigset_t))
        return -EINVAL;
    if (arg[1] && copy_from_user(&set, arg[1], sizeof set))
        return -EFAULT;
    if (arg[1]) {
        switch (arg[0]) {
        case SIG_BLOCK:
            lt->blocked |= set;
            break;
        case SIG_UNBLOCK:
            lt->blocked &= ~set;
            break;
        case SIG_SETMASK:
            lt->blocked = set;
            break;
        default:
            return -EINVAL;
        }
        lt->blocked &= ~UNBLOCKABLE;
        update_interrupted(thread_current());
    }
    return arg[2] ? copy_to_user(arg[2], &old, sizeof old) : 0;
}
LINUX_SYSCALL(rt_sigprocmask, linux_rt_sigprocmask);

static int64_t linux_rt_sigpending(const uint64_t *arg)
{
    struct linux_thread *lt = linux_thread_current();
    if (arg[1] != sizeof(sigset_t))
        return -EINVAL;
    uint64_t pending = (lt->pending | linux_current()->pending) & lt->blocked;
    return copy_to_user(arg[0], &pending, sizeof pending);
}
LINUX_SYSCALL(rt_sigpending, linux_rt_sigpending);

/* rt_sigsuspend: wait with the mask given until a handler runs (its frame restores the old mask);
   always -EINTR. Its first run swaps the masks; a run after a wait is woken finds it done. */
static int64_t linux_rt_sigsuspend(const uint64_t *arg)
{
    struct thread *t = thread_current();
    struct linux_thread *lt = t->personality_state;
    uint64_t mask;
    if (arg[1] != sizeof(sigset_t))
        return -EINVAL;
    if (copy_from_user(&mask, arg[0], sizeof mask))
        return -EFAULT;
    lt->saved_mask = lt->blocked;
    lt->has_saved_mask = true;
    lt->blocked = mask & ~UNBLOCKABLE;
    update_interrupted(t);
    if (__atomic_load_n(&lt->interrupted, __ATOMIC_SEQ_CST))
        return -EINTR;
    return linux_sleep_until(HAL_NO_DEADLINE); /* ends -EINTR, when a signal interrupts it */
}
LINUX_SYSCALL(rt_sigsuspend, linux_rt_sigsuspend);

static int64_t linux_rt_sigreturn(const uint64_t *arg)
{
    struct thread *t = thread_current();
    struct linux_thread *lt = t->personality_state;
    struct sigframe_saved saved;
    int64_t result = sigframe_pop(t->ctx, &saved);
    if (result == -EFAULT) {
        linux_signal_forced(t, SIGSEGV, SI_KERNEL, 0);
        return -EFAULT;
    }
    lt->blocked = saved.mask & ~UNBLOCKABLE;
    linux_altstack_restore(lt, &saved.altstack, hal_context_sp(t->ctx));
    lt->after_syscall = false; /* the registers are the interrupted code's, not a call's */
    update_interrupted(t);
    return result;
}
LINUX_SYSCALL(rt_sigreturn, linux_rt_sigreturn);

#ifdef __NR_pause
/* pause: wait until a signal is taken; always -EINTR. */
static int64_t linux_pause(const uint64_t *arg)
{
    return linux_sleep_until(HAL_NO_DEADLINE);
}
LINUX_SYSCALL(pause, linux_pause);
#endif
