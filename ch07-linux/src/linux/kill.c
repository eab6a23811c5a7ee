/*: # kill: sending signals

`kill(pid, sig)` sends to one process (`pid > 0`), to the caller's process group (`0`), to every
process but pid 1 and the caller (`-1`), or to the process group `-pid`. Signal 0 sends nothing
and only asks whether a target exists. Every process runs as root here, so permission is never
refused. `tkill` and `tgkill` send to one thread, found by its id among the threads of the
processes (of process `tgid` only, for `tgkill`): the signal is that thread's alone, as a fault
is (its handler's siginfo says `SI_TKILL` and the sender). The signals that act on a whole
process, `SIGKILL`, `SIGCONT` and the stop signals, go to the thread's process instead, where
sending one discards the others' pending ones (linux/signals.c); a handler for one runs in any
thread that does not block it. A real-time signal queues (linux/rt_queue.h): past the queue's
bound, `tkill` and `tgkill` fail with `EAGAIN`, where `kill` loses the instance's siginfo but
not the signal. The targets are found and signalled under the tree lock, so none of them can be
reaped meanwhile. */
#include "linux/signals.h"
#include "linux/syscall.h"

struct kill_target {
    int pid, sig, sender, sender_pgid;
    int found;
};

static void kill_if_target(struct linux_process *lp, void *arg)
{
    struct kill_target *k = arg;
    bool match = k->pid > 0     ? lp->pid == k->pid
                 : k->pid == 0  ? lp->pgid == k->sender_pgid
                 : k->pid == -1 ? lp->pid != 1 && lp->pid != k->sender
                                : lp->pgid == -k->pid;
    if (!match || lp->exited)
        return;
    k->found++;
    if (k->sig)
        linux_signal_process(lp, k->sig, (struct signal_origin){.code = SI_USER, .pid = k->sender});
}

/* Send sig to the targets pid names: 0, -ESRCH if there is none, -EINVAL for a bad signal. A
   real-time signal past the queue's bound is no error (linux/rt_queue.h). */
static int64_t send(int pid, int sig)
{
    if (pid == INT32_MIN)
        return -ESRCH; /* the group -pid, which has no number: Linux's answer */
    if (sig < 0 || sig > LINUX_NSIG)
        return -EINVAL;
    struct linux_process *self = linux_current();
    struct kill_target k = {pid, sig, self->pid, self->pgid, 0};
    hal_lock_acquire(&linux_tree_lock);
    linux_process_each(kill_if_target, &k);
    hal_lock_release(&linux_tree_lock);
    return k.found ? 0 : -ESRCH;
}

static int64_t linux_kill(const uint64_t *arg)
{
    return send((int)arg[0], (int)arg[1]);
}
LINUX_SYSCALL(kill, linux_kill);

#define WHOLE_PROCESS (SIG_BIT(SIGKILL) | SIG_BIT(SIGCONT) | SIG_STOPPING)

struct thread_target {
    int tid, tgid, sig; /* tgid 0: any process */
    struct signal_origin origin;
    bool found, whole_process;
    int err; /* -EAGAIN: a real-time signal whose queue is full */
};

/* Under the tree lock: signal the thread of lp that the target names, if lp has it. */
static void signal_if_thread(struct linux_process *lp, void *arg)
{
    struct thread_target *k = arg;
    if (k->found || lp->exited || (k->tgid && lp->pid != k->tgid))
        return;
    struct process *p = lp->process;
    hal_lock_acquire(&p->lock);
    for (struct thread *t = p->threads; t && !k->found; t = t->next_in_process) {
        struct linux_thread *lt = t->personality_state;
        if (lt && lt->tid == k->tid && t->state != ZX_THREAD_STATE_DEAD) {
            k->found = true;
            if (k->sig && (SIG_BIT(k->sig) & WHOLE_PROCESS)) {
                k->whole_process = true; /* sent below, without the process's lock */
            } else if (k->sig) {
                k->err = linux_signal_thread_from(t, k->sig, k->origin);
                thread_loop_poke(t); /* out of a wait, to take it */
            }
        }
    }
    hal_lock_release(&p->lock);
    if (k->whole_process) {
        k->whole_process = false;
        k->err = linux_signal_process(lp, k->sig, k->origin);
    }
}

int64_t linux_send_to_thread(int tgid, int tid, int sig, struct signal_origin origin)
{
    if (tid <= 0 || tgid < 0 || sig < 0 || sig > LINUX_NSIG)
        return -EINVAL;
    struct thread_target k = {tid, tgid, sig, origin, false, false, 0};
    hal_lock_acquire(&linux_tree_lock);
    linux_process_each(signal_if_thread, &k);
    hal_lock_release(&linux_tree_lock);
    return k.found ? k.err : -ESRCH;
}

/* What tkill and tgkill tell the thread: who sent it. */
static struct signal_origin tkill_origin(void)
{
    return (struct signal_origin){.code = SI_TKILL, .pid = linux_current()->pid};
}

static int64_t linux_tkill(const uint64_t *arg)
{
    return linux_send_to_thread(0, (int)arg[0], (int)arg[1], tkill_origin());
}
LINUX_SYSCALL(tkill, linux_tkill);

static int64_t linux_tgkill(const uint64_t *arg)
{
    return (int)arg[0] <= 0
               ? -EINVAL
               : linux_send_to_thread((int)arg[0], (int)arg[1], (int)arg[2], tkill_origin());
}
LINUX_SYSCALL(tgkill, linux_tgkill);
