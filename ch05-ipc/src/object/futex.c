/*: # Futex, implemented

The futex table is a small hash of `struct futex` records keyed by (process, address), under one
lock. A record lives exactly as long as its queue is not empty: the first waiter brings a new
record (allocated before the lock is taken, and freed unused if the futex already had one), and
whoever takes the last waiter out of a queue (a wake, a requeue, a waiter that timed out) unlinks
the record. Records and owners that an operation lets go of are freed and unreferenced only after
the lock is released: dropping the last reference to a thread destroys it, which is not work to do
under a lock every futex of the system shares.

The queue is first come, first woken, with a tail pointer so that a waiter and a requeue append in
constant time. A waiter that stops waiting for another reason than a wake (its deadline, its
thread being killed) takes itself out of whatever queue it is on by then: a requeue may have moved
it, which is why a waiter keeps a pointer to its futex rather than the address it waited on. */
#include "object/futex.h"

#include "kernel/kmalloc.h"

#define FUTEX_BUCKETS 64

struct futex {
    const void *space;
    uaddr_t addr;
    struct futex *next_in_bucket;
    struct waiter *head, **tail; /* the queue, linked through waiter.next */
    struct kobject *owner;       /* a reference, or NULL */
};

/* What an operation lets go of under the lock, to free after it. */
struct futex_drops {
    struct futex *records[3];
    struct kobject *owners[3];
    int n_records, n_owners;
};

static struct hal_lock table_lock = HAL_LOCK_INIT;
static struct futex *buckets[FUTEX_BUCKETS];

static struct futex_waiter *waiter_of(struct waiter *w)
{
    return container_of(w, struct futex_waiter, op.waiter);
}

static struct futex **bucket(const void *space, uaddr_t addr)
{
    return &buckets[((uintptr_t)space / 64 + addr / sizeof(int32_t)) % FUTEX_BUCKETS];
}

static struct futex *lookup_locked(const void *space, uaddr_t addr)
{
    struct futex *f = *bucket(space, addr);
    while (f && (f->space != space || f->addr != addr))
        f = f->next_in_bucket;
    return f;
}

/* The futex (space, addr), made of *spare if it has no record yet (then *spare is used up). */
static struct futex *lookup_or_make_locked(const void *space, uaddr_t addr, struct futex **spare)
{
    struct futex *f = lookup_locked(space, addr);
    if (f || !*spare)
        return f;
    f = *spare;
    *spare = NULL;
    f->space = space;
    f->addr = addr;
    f->head = NULL;
    f->tail = &f->head;
    f->owner = NULL;
    f->next_in_bucket = *bucket(space, addr);
    *bucket(space, addr) = f;
    return f;
}

static void set_owner_locked(struct futex *f, struct kobject *owner, struct futex_drops *d)
{
    if (f->owner)
        d->owners[d->n_owners++] = f->owner;
    if (owner)
        kobject_ref(owner);
    f->owner = owner;
}

/* A futex whose queue just became empty leaves the table, and with it its owner. */
static void retire_if_empty_locked(struct futex *f, struct futex_drops *d)
{
    if (f->head)
        return;
    set_owner_locked(f, NULL, d);
    struct futex **link = bucket(f->space, f->addr);
    while (*link != f)
        link = &(*link)->next_in_bucket;
    *link = f->next_in_bucket;
    d->records[d->n_records++] = f;
}

static void drop_all(struct futex_drops *d)
{
    for (int i = 0; i < d->n_records; i++)
        kfree(d->records[i]);
    for (int i = 0; i < d->n_owners; i++)
        kobject_unref(d->owners[i]);
}

static void append_locked(struct futex *f, struct futex_waiter *w)
{
    w->op.waiter.next = NULL;
    *f->tail = &w->op.waiter;
    f->tail = &w->op.waiter.next;
    w->futex = f;
}

/* Take the first waiter off f's queue (which must not be empty). */
static struct futex_waiter *take_first_locked(struct futex *f)
{
    struct waiter *w = f->head;
    f->head = w->next;
    if (!f->head)
        f->tail = &f->head;
    return waiter_of(w);
}

/* Wake up to count waiters of f, in order (single_owner: one, which becomes the owner, else there
   is none): how many it woke. The owner is set first: a woken thread may run, end and go at
   once. */
static uint32_t wake_locked(struct futex *f, uint32_t count, bool single_owner,
                            struct futex_drops *d)
{
    set_owner_locked(f, single_owner && f->head ? waiter_of(f->head)->self : NULL, d);
    uint32_t i = 0;
    for (; i < (single_owner ? 1 : count) && f->head; i++) {
        struct futex_waiter *w = take_first_locked(f);
        w->futex = NULL;
        waiter_wake(&w->op.waiter); /* from now on its wait may finish, and w go, at any moment */
    }
    return i;
}

static bool is_waiting_on_locked(const struct futex *f, const struct kobject *thread)
{
    for (struct waiter *w = f ? f->head : NULL; w; w = w->next)
        if (waiter_of(w)->self == thread)
            return true;
    return false;
}

/* Move the first count waiters of from to the end of to's queue, keeping their order. */
static void requeue_waiters(struct futex *from, struct futex *to, uint32_t count)
{
    /* LAB ch05-futex-requeue BEGIN: take the first count waiters off from's queue, one at a time
       and in their order, and append each to the end of to's queue, behind the waiters already
       there; each must then say it waits on to (append_locked does both of the last two).
       stub:
    for (uint32_t i = 0; i < count && from->head; i++) {
        struct futex_waiter *w = take_first_locked(from);
        w->op.waiter.next = to->head; // in front: their order reversed, ahead of to's own waiters
        to->head = &w->op.waiter;
        if (to->tail == &to->head)
            to->tail = &w->op.waiter.next;
        w->futex = to;
    }
    */
    for (uint32_t i = 0; i < count && from->head; i++)
        append_locked(to, take_first_locked(from));
    /* LAB END */
}

zx_status_t futex_queue(const struct futex_space *s, uaddr_t addr, int32_t current,
                        struct futex_owner owner, struct futex_waiter *w)
{
    struct futex *spare = kzalloc(sizeof *spare);
    struct futex_drops drops = {0};
    int32_t value = 0;
    hal_lock_acquire(&table_lock);
    zx_status_t status = s->load(addr, &value);
    if (status == ZX_OK && value != current)
        status = ZX_ERR_BAD_STATE;
    if (status == ZX_OK)
        status = owner.status;
    struct futex *f = lookup_locked(s->id, addr);
    if (status == ZX_OK && owner.thread && is_waiting_on_locked(f, owner.thread))
        status = ZX_ERR_INVALID_ARGS;
    if (status == ZX_OK && !(f = lookup_or_make_locked(s->id, addr, &spare)))
        status = ZX_ERR_NO_MEMORY;
    if (status == ZX_OK) {
        set_owner_locked(f, owner.thread, &drops);
        append_locked(f, w);
    }
    hal_lock_release(&table_lock);
    drop_all(&drops);
    kfree(spare);
    return status;
}

zx_status_t futex_unqueue(struct futex_waiter *w)
{
    struct futex_drops drops = {0};
    hal_lock_acquire(&table_lock);
    struct futex *f = w->futex;
    if (f) {
        struct waiter **link = &f->head;
        while (*link != &w->op.waiter)
            link = &(*link)->next;
        *link = w->op.waiter.next;
        if (f->tail == &w->op.waiter.next)
            f->tail = link;
        retire_if_empty_locked(f, &drops);
    }
    hal_lock_release(&table_lock);
    drop_all(&drops);
    return f ? ZX_ERR_TIMED_OUT : ZX_OK; /* not on a queue any more: a wake got there first */
}

/* A futex wait's second half: off the queue, unless a wake took it off first (then it was woken,
   whatever the deadline said). */
static zx_status_t finish_futex_wait(struct wait_op *op, zx_status_t ended)
{
    struct futex_waiter *w = container_of(op, struct futex_waiter, op);
    if (ended != ZX_OK && futex_unqueue(w) == ZX_OK)
        ended = ZX_OK;
    kfree(w);
    return ended;
}

zx_status_t futex_wait(const struct futex_space *s, uaddr_t addr, int32_t current,
                       struct futex_owner owner, struct kobject *self, uint64_t deadline)
{
    struct futex_waiter *w = kzalloc(sizeof *w);
    if (!w)
        return ZX_ERR_NO_MEMORY;
    w->self = self;
    wait_op_init(&w->op, deadline, ZX_THREAD_STATE_BLOCKED_FUTEX, finish_futex_wait);
    zx_status_t status = futex_queue(s, addr, current, owner, w);
    if (status != ZX_OK) {
        kfree(w);
        return status;
    }
    return wait_then(&w->op);
}

uint32_t futex_wake(const struct futex_space *s, uaddr_t addr, uint32_t count, bool single_owner)
{
    struct futex_drops drops = {0};
    uint32_t woken = 0;
    hal_lock_acquire(&table_lock);
    struct futex *f = lookup_locked(s->id, addr);
    if (f) {
        woken = wake_locked(f, count, single_owner, &drops);
        retire_if_empty_locked(f, &drops);
    }
    hal_lock_release(&table_lock);
    drop_all(&drops);
    return woken;
}

zx_status_t futex_requeue(const struct futex_space *s, uaddr_t addr, uint32_t wake_count,
                          int32_t current, uaddr_t to, uint32_t requeue_count,
                          struct futex_owner owner, bool single_owner, uint32_t *moved)
{
    uint32_t woken = 0, waiting = 0;
    struct futex *spare = kzalloc(sizeof *spare);
    struct futex_drops drops = {0};
    int32_t value = 0;
    hal_lock_acquire(&table_lock);
    zx_status_t status = s->load(addr, &value);
    if (status == ZX_OK && value != current)
        status = ZX_ERR_BAD_STATE;
    if (status == ZX_OK)
        status = owner.status;
    struct futex *f = lookup_locked(s->id, addr), *g = lookup_locked(s->id, to);
    if (status == ZX_OK && owner.thread &&
        (is_waiting_on_locked(f, owner.thread) || is_waiting_on_locked(g, owner.thread)))
        status = ZX_ERR_INVALID_ARGS;
    if (status == ZX_OK && f) {
        woken = wake_locked(f, wake_count, single_owner, &drops);
        for (struct waiter *w = f->head; w && waiting < requeue_count; w = w->next)
            waiting++;
        if (f->head && requeue_count && !(g = lookup_or_make_locked(s->id, to, &spare)))
            status = ZX_ERR_NO_MEMORY; /* the wakes stand: spurious wake-ups are allowed */
        if (status == ZX_OK && g)
            requeue_waiters(f, g, requeue_count);
        retire_if_empty_locked(f, &drops);
    }
    if (status == ZX_OK && g)
        set_owner_locked(g, owner.thread, &drops);
    hal_lock_release(&table_lock);
    drop_all(&drops);
    kfree(spare);
    if (moved)
        *moved = woken + (status == ZX_OK ? waiting : 0);
    return status;
}

struct kobject *futex_owner(const struct futex_space *s, uaddr_t addr)
{
    hal_lock_acquire(&table_lock);
    struct futex *f = lookup_locked(s->id, addr);
    struct kobject *owner = f ? f->owner : NULL;
    if (owner)
        kobject_ref(owner);
    hal_lock_release(&table_lock);
    return owner;
}
