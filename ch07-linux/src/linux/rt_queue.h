/*: # The queue of real-time signals

A standard signal (1 to 31) is one bit: sent again before it was taken, it is still one pending
signal. The real-time signals, `SIGRTMIN` (32 for the kernel; C libraries keep the first two or
three for themselves) to `SIGRTMAX` (64), *queue*, as signal(7) says: each one sent is an
instance of its own, with its own siginfo (the `si_value` of a `sigqueue`, the sender), taken one
at a time, the lowest number first and, within a number, in the order they were sent. The pending
bit of such a signal (linux/signals.c) says that at least one instance waits; the instances wait
here, each for a process, or for one thread of it (named by its thread id).

Linux bounds the instances by `RLIMIT_SIGPENDING`, counted per user. Every process here is root,
so Zinc has one bound for the whole kernel, `LINUX_RT_QUEUED_MAX` instances, and one queue.
Past the bound, or when the kernel heap is out of memory, an instance cannot be queued:
`sigqueue`, `tgkill` and the others then fail with `EAGAIN`, but `kill` does not (kill(2) has no
such error): its signal is still made pending, with its siginfo lost, as Linux does. */
#ifndef ZINC_LINUX_RT_QUEUE_H
#define ZINC_LINUX_RT_QUEUE_H

#include <stdbool.h>
#include <stdint.h>

struct linux_process;
struct signal_origin;

/* How many real-time signal instances may wait at once, in the whole kernel. */
#define LINUX_RT_QUEUED_MAX 1024

/* The real-time signals' numbers, as pending bits. */
#define SIG_REALTIME (~0ull << 31)

/* Every call below is made with the tree lock held. */

/* Queue an instance of sig from origin for thread tid of lp (0: for lp itself): 0, or -EAGAIN
   if the bound is reached or memory ran out. */
int rt_queue_add(const struct linux_process *lp, int tid, int sig,
                 const struct signal_origin *origin);

/* Take the oldest instance of sig for thread tid of lp (0: lp's own): true, with its origin in
   *origin, or false if none waits. *more tells whether another instance of sig waits for the
   same after it. */
bool rt_queue_take(const struct linux_process *lp, int tid, int sig, struct signal_origin *origin,
                   bool *more);

/* Whose instances rt_queue_drop drops, besides one thread's (named by its id): any thread's of lp,
   or every one queued for lp or its threads. */
enum {
    RT_QUEUED_FOR_THREADS = -1,
    RT_QUEUED_FOR_ANYONE = -2
};

/* Drop the instances of the signals of sigs queued for whom: RT_QUEUED_FOR_THREADS,
   RT_QUEUED_FOR_ANYONE, or the id of one thread of lp (which ends: its id may be given again). */
void rt_queue_drop(const struct linux_process *lp, uint64_t sigs, int whom);

#endif
