/*: # The pager, implemented

Threads that wait for pages wait together, whatever their pager, on one list with one counter of
*supplies* (supplies and pagers gone away, the two events that can end such a wait). Every event
wakes every waiting thread, and each looks again for its own page: the rare thread whose page is
still missing waits again. Zircon keeps a list of waiters per outstanding request instead; one list
is simpler, and correct for the same reason as any sleep: the thread reads the counter *before* it
looks for the page, and waits only if no event happened since. */
#include "vm/pager.h"

#include "kernel/frame.h"
#include "kernel/kmalloc.h"
#include "object/port.h"
#include "object/waiter.h"
#include "vm/vmo.h"

struct requested {
    uint64_t index;
    struct requested *next;
};

static struct hal_lock page_waits_lock = HAL_LOCK_INIT;
static struct waiter *page_waiters; /* guarded by page_waits_lock */
static uint64_t supplies;           /* the same */

uint64_t pager_supplies(void)
{
    hal_lock_acquire(&page_waits_lock);
    uint64_t n = supplies;
    hal_lock_release(&page_waits_lock);
    return n;
}

/* A supply landed, or a pager went away: every thread waiting for a page looks again. */
static void wake_page_waiters(void)
{
    hal_lock_acquire(&page_waits_lock);
    supplies++;
    struct waiter *w = page_waiters;
    page_waiters = NULL;
    while (w) {
        struct waiter *next = w->next; /* read first: once woken, w may vanish */
        waiter_wake(w);
        w = next;
    }
    hal_lock_release(&page_waits_lock);
}

/* A page wait's second half: leave the list, unless a wake took the waiter off already. */
static zx_status_t finish_page_wait(struct wait_op *op, zx_status_t ended)
{
    if (ended != ZX_OK) {
        hal_lock_acquire(&page_waits_lock);
        for (struct waiter **link = &page_waiters; *link; link = &(*link)->next) {
            if (*link == &op->waiter) {
                *link = op->waiter.next;
                break;
            }
        }
        hal_lock_release(&page_waits_lock);
    }
    bool woken = waiter_woken(&op->waiter);
    kfree(op);
    return woken ? WAIT_RESTART : ended;
}

zx_status_t pager_wait(uint64_t seen)
{
    struct wait_op *op = kzalloc(sizeof *op);
    if (!op)
        return ZX_ERR_NO_MEMORY;
    wait_op_init(op, HAL_NO_DEADLINE, ZX_THREAD_STATE_BLOCKED_PAGER, finish_page_wait);
    hal_lock_acquire(&page_waits_lock);
    if (supplies != seen) { /* something happened since the caller looked: look again */
        hal_lock_release(&page_waits_lock);
        kfree(op);
        return WAIT_RESTART;
    }
    op->waiter.next = page_waiters;
    page_waiters = &op->waiter;
    hal_lock_release(&page_waits_lock);
    return wait_then(op);
}

static void pager_on_zero_handles(struct kobject *obj)
{
    __atomic_store_n(&container_of(obj, struct pager, base)->detached, true, __ATOMIC_RELEASE);
    wake_page_waiters(); /* their accesses fail now, rather than wait for ever */
}

static void pager_destroy(struct kobject *obj)
{
    kfree(container_of(obj, struct pager, base));
}

const struct kobject_type pager_type = {
    .name = "pager",
    .type = ZX_OBJ_TYPE_PAGER,
    /* As zx_pager_create's reference gives them: it can be passed on and inspected, attach VMOs and
       manage their pages; nobody waits on a pager, nor duplicates one. */
    .default_rights =
        ZX_RIGHT_TRANSFER | ZX_RIGHT_INSPECT | ZX_RIGHT_ATTACH_VMO | ZX_RIGHT_MANAGE_VMO,
    .on_zero_handles = pager_on_zero_handles,
    .destroy = pager_destroy,
};

zx_status_t pager_create(struct pager **out)
{
    struct pager *p = kzalloc(sizeof *p);
    if (!p)
        return ZX_ERR_NO_MEMORY;
    kobject_init(&p->base, &pager_type);
    *out = p;
    return ZX_OK;
}

zx_status_t pager_create_vmo(struct pager *p, struct kobject *port, uint64_t key, uint64_t size,
                             bool resizable, struct vmo **out)
{
    struct pager_source *src = kzalloc(sizeof *src);
    if (!src)
        return ZX_ERR_NO_MEMORY;
    zx_status_t status = vmo_create(size, resizable, out);
    if (status != ZX_OK) {
        kfree(src);
        return status;
    }
    kobject_ref(&p->base);
    kobject_ref(port);
    *src = (struct pager_source){p, port, key, NULL};
    (*out)->pager = src;
    return ZX_OK;
}

zx_status_t pager_request(struct pager_source *src, uint64_t index)
{
    if (__atomic_load_n(&src->pager->detached, __ATOMIC_ACQUIRE))
        return ZX_ERR_BAD_STATE;
    for (struct requested *r = src->requested; r; r = r->next)
        if (r->index == index)
            return ZX_ERR_SHOULD_WAIT;
    struct requested *r = kzalloc(sizeof *r);
    if (!r)
        return ZX_ERR_NO_MEMORY;
    zx_port_packet_t packet = {.key = src->key, .type = ZX_PKT_TYPE_PAGE_REQUEST};
    packet.page_request = (zx_packet_page_request_t){.command = ZX_PAGER_VMO_READ,
                                                      .offset = index * PAGE_SIZE,
                                                      .length = PAGE_SIZE};
    zx_status_t status = port_queue(src->port, &packet);
    if (status != ZX_OK) {
        kfree(r);
        return status;
    }
    *r = (struct requested){index, src->requested};
    src->requested = r;
    return ZX_ERR_SHOULD_WAIT;
}

void pager_supplied(struct pager_source *src, uint64_t index)
{
    for (struct requested **link = &src->requested; *link; link = &(*link)->next) {
        if ((*link)->index == index) {
            struct requested *r = *link;
            *link = r->next;
            kfree(r);
            return;
        }
    }
}

void pager_source_free(struct pager_source *src)
{
    while (src->requested) {
        struct requested *r = src->requested;
        src->requested = r->next;
        kfree(r);
    }
    kobject_unref(src->port);
    kobject_unref(&src->pager->base);
    kfree(src);
}

zx_status_t pager_supply(struct pager *p, struct vmo *vmo, uint64_t offset, uint64_t length,
                         struct vmo *aux, uint64_t aux_offset)
{
    if (!vmo->pager || vmo->pager->pager != p || aux->pager || offset % PAGE_SIZE ||
        length % PAGE_SIZE || aux_offset % PAGE_SIZE)
        return ZX_ERR_INVALID_ARGS; /* aux must not wait on a pager itself: it is read right here */
    if (offset > vmo_size(vmo) || length > vmo_size(vmo) - offset || aux_offset > vmo_size(aux) ||
        length > vmo_size(aux) - aux_offset)
        return ZX_ERR_OUT_OF_RANGE;
    paddr_t bounce = frame_alloc(); /* a page of kernel memory to carry the bytes across */
    if (!bounce)
        return ZX_ERR_NO_MEMORY;
    zx_status_t status = ZX_OK;
    for (uint64_t done = 0; status == ZX_OK && done < length; done += PAGE_SIZE) {
        status = vmo_read(aux, aux_offset + done, hal_pmem_ptr(bounce), PAGE_SIZE);
        if (status == ZX_OK)
            status = vmo_supply_page(vmo, (offset + done) / PAGE_SIZE, hal_pmem_ptr(bounce));
    }
    frame_free(bounce);
    if (status == ZX_OK) /* the pages moved: aux gives its own back, as after Fuchsia's supply */
        vmo_op_range(aux, ZX_VMO_OP_DECOMMIT, aux_offset, length);
    if (length)
        wake_page_waiters(); /* even after a failure part-way: the pages before it arrived */
    return status;
}

void pager_resized(void)
{
    wake_page_waiters();
}
