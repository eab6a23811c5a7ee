/*: # Waiting on many files

`poll`, `ppoll`, `select` and `pselect6` ask one question in four ways (and `epoll_pwait` in a
fifth, fs/epoll.c): which of these descriptors
are ready to be read or written, waiting until one is or until a timeout. They share one engine, a
*poll set*: a list of descriptors, each with the poll events that count for it, which the engine
looks at, and, if none is ready and the time allows, waits on; then looks at again.

The wait is chapter 5's `object_wait_many`: each file names, through its `wait_on`, the kernel
object and signals that will make it ready (a pipe's socket and `READABLE`), and one wait watches
them all. A file with no object to name (the console, whose input arrives unannounced) is looked at
again every few milliseconds instead, and so is every file past the `POLL_WATCH_MAX` the wait can
hold.

A poll set outlives the system call that makes it: when the call must wait, it returns, and the
wait's second half looks at the files again, with the deadline computed once at the start. That
second half is also where the answer is written to the program's memory (a `report`, poll's or
select's own) and the set freed. A poll cannot simply run again from its start, as other blocking
calls do (linux/block.h): a relative timeout would start afresh at every wake. */
#ifndef ZINC_FS_POLL_H
#define ZINC_FS_POLL_H

#include "fs/fd_table.h"
#include "object/wait_many.h"
#include "syscall/user_copy.h"

/* How many objects one wait watches at most (the set's frame holds them). */
#define POLL_WATCH_MAX 32

struct poll_entry {
    int fd;           /* < 0: ignored (poll's way to leave an entry out) */
    uint16_t events;  /* the poll events that count: POLLNVAL for a descriptor closed meanwhile */
    uint16_t revents; /* out: which of them hold */
};

/* How the remaining time is written back to the program when the call ends. */
enum poll_time_back {
    TIME_NOT_BACK,
    TIME_BACK_TIMEVAL,  /* select's struct timeval */
    TIME_BACK_TIMESPEC, /* ppoll's and pselect6's struct timespec */
};

struct poll_set {
    size_t count;
    struct poll_entry *entries;
    uint64_t deadline; /* 0: do not wait; HAL_NO_DEADLINE: wait for ever */
    uaddr_t timeout;   /* where the remaining time goes back, if time_back says so */
    enum poll_time_back time_back;
    uaddr_t user[3]; /* for the report: poll's array; select's three sets */
    int nfds;        /* for select's report: how many descriptors its sets cover */
    void *owner;     /* for epoll's report: its instance */
    /* For epoll: called at the start of every round to choose the entries afresh (count, up to the
       count the set was made with); true if a file must be looked at again soon. */
    bool (*round)(struct poll_set *s);
    struct kobject *also;      /* an object every wait watches as well (epoll's event), or NULL */
    zx_signals_t also_signals; /* and its signals */
    /* Write the answer to the program: ready is how many entries have events, or -errno. */
    int64_t (*report)(struct poll_set *s, int64_t ready);
    /* The engine's own: */
    paddr_t frame;
    struct wait_many wait;
    struct wait_many_item items[POLL_WATCH_MAX];
};

/* A poll set of count entries (at most FD_MAX), zeroed: NULL when memory ran out. */
struct poll_set *poll_set_create(size_t count);
/* Free a set that was never waited on. */
void poll_set_destroy(struct poll_set *s);

/* Look at s's files, waiting until one is ready or the deadline passes, then report: what the
   system call returns (report's answer, -EINTR for a thread killed meanwhile, or what makes the
   thread wait). s is freed. */
int64_t poll_set_run(struct poll_set *s);

/* The deadline of a timeout in milliseconds (poll, epoll_wait): negative for none, 0 for "do not
   wait". */
uint64_t poll_deadline_ms(int ms);

/* The deadline of a timeout given as a struct timespec (ppoll, pselect6) or a struct timeval
   (select) at addr: 0 or -errno (-EFAULT, -EINVAL for a negative or malformed time). */
int poll_deadline_timespec(uaddr_t addr, uint64_t *deadline);
int poll_deadline_timeval(uaddr_t addr, uint64_t *deadline);

#endif
