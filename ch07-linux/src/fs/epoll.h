/*: # epoll's instance, shared by its list (fs/epoll.c) and its wait (fs/epoll_wait.c)

An epoll file holds a list of *watches*, one per descriptor, and a Zircon event that its watches
signal whenever something happens to one of their files: that event is what a wait on the epoll
(`epoll_wait`, or `poll` of the epoll descriptor) sleeps on besides the files themselves. */
#ifndef ZINC_FS_EPOLL_H
#define ZINC_FS_EPOLL_H

#include "fs/file.h"
#include "object/observer.h"

struct epoll;

struct watch {
    struct watch *next;
    struct epoll *ep;
    int fd;
    uint32_t events; /* asked, with EPOLLERR and EPOLLHUP; 0 for a one-shot watch that has fired */
    bool oneshot, edge;
    uint64_t data;
    struct kobject *obj;      /* what the file names to wait on (a reference), or NULL */
    struct observer observer; /* on obj: an event, a watched signal rising */
    /* atomic, 0 or 1 (a word: riscv64 has no byte-wide exchange): an event came since the watch
       was last taken for a wait */
    uint32_t happened;
    size_t rx_seen, tx_seen; /* a socket's bytes to read and bytes its peer has yet to read */
    struct file *nested;     /* an epoll this one watches: its file (a reference) */
};

struct epoll {
    struct hal_lock lock; /* guards the list and the watches, but for their `happened` */
    struct watch *watches;
    struct kobject *event;   /* ZX_EVENT_SIGNALED: something happened to a watched file */
    uint32_t watched_by;     /* atomic: how many epolls watch this one */
    uint32_t watches_epolls; /* atomic: how many epolls this one watches */
};

/* Forget the watches of descriptors no longer open (or open to another epoll); under ep's lock. */
void epoll_forget_closed(struct epoll *ep);

/* Should w be looked at for a wait? A level-triggered watch always, an edge-triggered one only
   after an event. take: the event is the caller's now (a wait's round), else only looked at. */
bool epoll_watch_due(struct watch *w, bool take);

/* Is f an epoll file? */
bool is_epoll(const struct file *f);

#endif
