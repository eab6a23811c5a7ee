/*: # select and pselect6

`select` asks poll's question with three bit sets, *readable*, *writable* and *exceptional*, over
the descriptors below `nfds`, and answers by rewriting the sets to the ready ones; its result is how
many bits it left set. It runs on the poll engine (fs/poll.h): each descriptor in any set is an
entry, whose events are the poll events Linux counts for each set. A hang-up counts as readable (a
read would return 0 at once) and an error as both readable and writable; the exceptional set is
urgent data (`POLLPRI`), which no file of Zinc's has.

Unlike `poll`, `select` refuses a descriptor that is not open (`-EBADF`) rather than answering
for it. `nfds` beyond the descriptor table is cut to its size, as Linux cuts it to the size of the
process's table; a negative one is `-EINVAL`. `select`'s `struct timeval` and `pselect6`'s
`struct timespec` are written back with the time left, as Linux does (a C library may hide this
from its caller). `pselect6`'s signal mask waits for signals, like `ppoll`'s. */
#include "fs/poll.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

#define POLLIN_SET (POLLRDNORM | POLLRDBAND | POLLIN | POLLHUP | POLLERR)
#define POLLOUT_SET (POLLWRBAND | POLLWRNORM | POLLOUT | POLLERR)
#define POLLEX_SET POLLPRI

#define WORDS ((FD_MAX + 63) / 64)

/* The three sets, each as many 64-bit words as nfds descriptors need. */
struct fd_sets {
    uint64_t set[3][WORDS];
};

/* What each set's bit asks, and the event of those that only that set asks: the mark, in an
   entry's events, that the descriptor was in the set. */
static const uint16_t set_events[3] = {POLLIN_SET, POLLOUT_SET, POLLEX_SET};
static const uint16_t set_marker[3] = {POLLIN, POLLOUT, POLLPRI};

static bool bit(const uint64_t *words, int fd)
{
    return words[fd / 64] >> (fd % 64) & 1;
}

static size_t bytes_of(int nfds)
{
    return (size_t)(nfds + 63) / 64 * sizeof(uint64_t);
}

static int64_t report_select(struct poll_set *s, int64_t ready)
{
    struct fd_sets out = {0};
    int64_t bits = 0;
    for (size_t i = 0; ready >= 0 && i < s->count; i++) {
        const struct poll_entry *e = &s->entries[i];
        if (e->revents & POLLNVAL)
            return -EBADF; /* closed while select waited */
        for (int k = 0; k < 3; k++) {
            if ((e->events & set_marker[k]) && (e->revents & set_events[k])) {
                out.set[k][e->fd / 64] |= 1ull << (e->fd % 64);
                bits++;
            }
        }
    }
    for (int k = 0; ready >= 0 && k < 3; k++)
        if (s->user[k] && copy_to_user(s->user[k], out.set[k], bytes_of(s->nfds)))
            ready = -EFAULT;
    return ready < 0 ? ready : bits;
}

/* The events an entry for fd counts: 0 for a descriptor in no set. */
static uint16_t events_of(const struct fd_sets *in, int fd)
{
    uint16_t events = 0;
    for (int k = 0; k < 3; k++)
        if (bit(in->set[k], fd))
            events |= set_events[k];
    return events;
}

/* select's sets at sets[0..2] (0 for none) over nfds descriptors, until deadline. */
static int64_t select_sets(int64_t nfds, const uaddr_t sets[3], uint64_t deadline, uaddr_t timeout,
                           enum poll_time_back time_back)
{
    if (nfds < 0)
        return -EINVAL;
    int n = nfds > FD_MAX ? FD_MAX : (int)nfds;
    struct fd_sets in = {0};
    for (int k = 0; k < 3; k++)
        if (sets[k] && copy_from_user(in.set[k], sets[k], bytes_of(n)))
            return -EFAULT;
    size_t count = 0;
    for (int fd = 0; fd < n; fd++) {
        if (!events_of(&in, fd))
            continue;
        struct file *f = fd_get(linux_current()->files, fd);
        if (!f)
            return -EBADF;
        file_unref(f);
        count++;
    }
    struct poll_set *s = poll_set_create(count);
    if (!s)
        return -ENOMEM;
    for (int fd = 0, i = 0; fd < n; fd++) {
        uint16_t events = events_of(&in, fd);
        if (events)
            s->entries[i++] = (struct poll_entry){.fd = fd, .events = events | POLLNVAL};
    }
    for (int k = 0; k < 3; k++)
        s->user[k] = sets[k];
    s->nfds = n;
    s->deadline = deadline;
    s->timeout = timeout;
    s->time_back = timeout ? time_back : TIME_NOT_BACK;
    s->report = report_select;
    return poll_set_run(s);
}

#ifdef __NR_select /* x86_64 only; riscv64's C library calls pselect6 */
/* select(nfds, readfds, writefds, exceptfds, timeout as a struct timeval or NULL) */
static int64_t linux_select(const uint64_t *arg)
{
    uint64_t deadline = HAL_NO_DEADLINE;
    int error = arg[4] ? poll_deadline_timeval(arg[4], &deadline) : 0;
    const uaddr_t sets[3] = {arg[1], arg[2], arg[3]};
    return error ? error : select_sets((int)arg[0], sets, deadline, arg[4], TIME_BACK_TIMEVAL);
}
LINUX_SYSCALL(select, linux_select);
#endif

/* pselect6(nfds, readfds, writefds, exceptfds, timeout as a struct timespec or NULL, sigmask) */
static int64_t linux_pselect6(const uint64_t *arg)
{
    uint64_t deadline = HAL_NO_DEADLINE;
    int error = arg[4] ? poll_deadline_timespec(arg[4], &deadline) : 0;
    const uaddr_t sets[3] = {arg[1], arg[2], arg[3]};
    return error ? error : select_sets((int)arg[0], sets, deadline, arg[4], TIME_BACK_TIMESPEC);
}
LINUX_SYSCALL(pselect6, linux_pselect6);
