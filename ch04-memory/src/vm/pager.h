/*: # The pager: memory supplied by a program

A pager-backed VMO starts with no pages, and none are zero-filled: when something needs a page that
is not there (a read, a write, a page fault in a mapping), the kernel queues a *page request* on the
pager's port, `ZX_PKT_TYPE_PAGE_REQUEST` with `ZX_PAGER_VMO_READ`, the key chosen at creation and
the range, and the access waits. A user program, the pager, takes the request from the port,
produces the bytes (from a file, a network, a decompressor), and hands them over with
`pager_supply_pages`; the waiting accesses go on. Each page is requested once while it is
outstanding. When the pager object's last handle is closed, accesses that would need it fail instead
of waiting for ever.

An access that must wait drops its locks and blocks in `pager_wait` (the one blocking function of
object/waiter.h underneath) until a supply arrives; the supply wakes it. */
#ifndef ZINC_PAGER_H
#define ZINC_PAGER_H

#include "object/kobject.h"
#include "object/waiter.h"

struct vmo;

struct pager {
    struct kobject base;
    bool detached; /* atomic: the last handle is gone */
};

struct pager_source {
    struct pager *pager; /* with a reference */
    struct kobject *port;
    uint64_t key;
    /* pages asked for and not yet supplied; guarded by the VMO's lock */
    struct requested *requested;
};

extern const struct kobject_type pager_type;

zx_status_t pager_create(struct pager **out);

/* A VMO of size bytes whose pages p supplies, with requests on port under key. */
zx_status_t pager_create_vmo(struct pager *p, struct kobject *port, uint64_t key, uint64_t size,
                             bool resizable, struct vmo **out);

/* For vmo.c, with the VMO's lock held: page index of a pager-backed VMO is missing. Queue a request
   unless one is outstanding; ZX_ERR_SHOULD_WAIT, or ZX_ERR_BAD_STATE if the pager is gone. */
zx_status_t pager_request(struct pager_source *src, uint64_t index);

/* For vmo.c: page index arrived; forget its request. */
void pager_supplied(struct pager_source *src, uint64_t index);

/* Release a source when its VMO dies. */
void pager_source_free(struct pager_source *src);

/* Give pages [offset, offset + length) of vmo, which p backs, the contents of aux from aux_offset.
   Pages already present are kept. ZX_ERR_INVALID_ARGS for a VMO p does not back or an unaligned
   range, ZX_ERR_OUT_OF_RANGE past either VMO's end. */
zx_status_t pager_supply(struct pager *p, struct vmo *vmo, uint64_t offset, uint64_t length,
                         struct vmo *aux, uint64_t aux_offset);

/* Waiting for a page, without losing a supply that lands meanwhile: read pager_supplies() before
   looking for the page; if it was missing (ZX_ERR_SHOULD_WAIT), pager_wait(what it read) blocks
   until a supply or a pager's end after that reading, then the caller looks again. A blocking
   operation (object/waiter.h) whose answer is WAIT_RESTART when the caller should look again; else
   ZX_ERR_CANCELED if the calling thread was cancelled, or ZX_ERR_NO_MEMORY. */
uint64_t pager_supplies(void);
zx_status_t pager_wait(uint64_t seen);

/* For vmo.c: a pager-backed VMO shrank; accesses waiting for pages past its new end must look
   again. */
void pager_resized(void);

#endif
