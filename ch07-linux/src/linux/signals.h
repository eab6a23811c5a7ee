/*: # Signals

A signal is Linux's interrupt for programs: something (another process's `kill`, a child's end, the
program's own fault) makes a number *pending* for a process or one of its threads, and the next
time that thread is about to return to user mode (the personality's `to_user`), the kernel acts on
it: the signal's default action (end the process, stop it, or ignore the signal), or the
program's *handler*, called as if the interrupted code had called it. To call it, the kernel builds
a *signal frame* on the user stack (or on an alternate stack the thread set aside), holding the
registers it interrupted, and points the registers at the handler; the handler returns into a
little trampoline that makes the `rt_sigreturn` call, which reloads the saved registers from the
frame. The frame's layout is each architecture's own, and so is in arch/ARCH/sigframe.c
(linux/sigframe.h).

A thread may *block* signals (its mask): they stay pending until unblocked. A thread waiting in the
kernel when an unblocked signal comes must stop waiting: its waits are interrupted
(`wait_self.interrupted`, chapter 2), the call returns `-EINTR`, or runs again after the handler if
the handler was installed with `SA_RESTART`. */
#ifndef ZINC_LINUX_SIGNAL_H
#define ZINC_LINUX_SIGNAL_H

#include <asm/siginfo.h>
#include <linux/signal.h>

#include "linux/process.h"

#define LINUX_NSIG 64
#define SIG_BIT(sig) (1ull << ((sig)-1))
/* The signals whose default action stops a process. */
#define SIG_STOPPING (SIG_BIT(SIGSTOP) | SIG_BIT(SIGTSTP) | SIG_BIT(SIGTTIN) | SIG_BIT(SIGTTOU))

/* A signal's disposition, as rt_sigaction reads and writes it. handler is SIG_DFL (0), SIG_IGN (1)
   or the handler's address; restorer is 0 where the architecture has none (riscv64). */
struct linux_sigaction {
    uint64_t handler, flags, restorer, mask;
};

/* Every disposition of a process: copied by fork, reset (but for the ignored) by execve. */
struct linux_signals {
    struct linux_sigaction action[LINUX_NSIG];
};

/* Where a pending signal came from, for the handler's siginfo: si_code (SI_USER, SI_KERNEL,
   CLD_EXITED, ...) and the process that sent it or whose end it tells; for a signal the kernel
   sends (si_code > 0), si_status, else the sender's uid and si_value (rt_sigqueueinfo's). */
struct signal_origin {
    int code, pid, status, uid;
    uint64_t value;
};

/* Make sig pending for lp, from origin, and wake a thread of it that can take it; with the tree
   lock held (the sender found lp under it, and lp cannot be reaped meanwhile). 0, or -EAGAIN for
   a real-time signal that cannot be queued (linux/rt_queue.h). */
int linux_signal_process(struct linux_process *lp, int sig, struct signal_origin origin);

/* Make sig pending for thread t alone, as the kernel's answer to what it just did (SIGPIPE for a
   write to a pipe nobody reads): it may be caught, ignored or blocked like any signal. */
void linux_signal_thread(struct thread *t, int sig);
/* The same, sent from origin (tkill, rt_tgsigqueueinfo): 0, or -EAGAIN as above. A real-time
   signal only with the tree lock held, for its queue. */
int linux_signal_thread_from(struct thread *t, int sig, struct signal_origin origin);

/* Make sig pending for thread t as the result of what it just did (a fault at addr with si_code
   code): it cannot be ignored or blocked away; if it is, the
   default action (the end of the process) is taken. */
void linux_signal_forced(struct thread *t, int sig, int code, uint64_t addr);

/* Send sig to thread tid (of process tgid; 0: of any), from origin; the signals that act on a
   whole process go to its process (linux/kill.c). 0, -ESRCH or -EINVAL. */
int64_t linux_send_to_thread(int tgid, int tid, int sig, struct signal_origin origin);

/* The signals pending for thread t: its own and its process's (signalfd's poll). */
uint64_t linux_signal_pending(struct thread *t);

/* Take the lowest signal of set pending for thread t, blocked or not, without acting on it
   (rt_sigtimedwait, signalfd): its number, with its siginfo in *info; 0 if none is. */
int linux_signal_dequeue(struct thread *t, uint64_t set, siginfo_t *info);

/* Thread t waits for the signals of set (0: no longer): while it does, they end its waits as a
   signal it does not block would (rt_sigtimedwait). */
void linux_signal_wait_for(struct thread *t, uint64_t set);

/* The personality's to_user: take one pending signal, if the thread has one it does not block;
   while its process is stopped, wait instead (linux/stop.h). */
void linux_signal_deliver(struct thread *t);

/* New disposition tables: the defaults, or a copy of lp's (fork), or lp's after an exec. 0 or
   -ENOMEM. */
int linux_signals_attach(struct linux_process *lp, const struct linux_signals *copy_of);
void linux_signals_detach(struct linux_process *lp);
void linux_signals_exec(struct linux_process *lp);

#endif
