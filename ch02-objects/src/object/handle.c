/*: # The handle table, implemented

Slots live in chunks of 64 that are allocated as the table grows, so a process with few handles
costs little and no chunk is larger than the kernel heap's largest block. A new handle takes the
lowest free slot. Every handle holds one reference on its object and counts as one of the object's
handles; closing it tells observers placed through it (their wait ends) and may be the object's last
handle.

A handle can also *move*: out of a table into a channel message and from there into another table,
or straight into another process's table, or out and back in with fewer rights (`handle_replace`).
While it moves it is still a handle, and still counts: otherwise an object whose only handle is in
flight would look abandoned, and a channel end sent through a channel would tell its peer it had
closed. */
#include "object/handle.h"

#include "kernel/kmalloc.h"
#include "object/observer.h"

#define SLOT_SHIFT 8
#define GENERATION_MASK 0x3f

/* LAB ch02-handle-values BEGIN: encode a handle value as slot << SLOT_SHIFT | generation << 2 | 3
   in value_of, and in lookup accept only a value that value_of would give today for a live slot:
   both low bits set, a slot inside the table whose chunk exists and holds an object, and the slot's
   current generation.
   stub:
static zx_handle_t value_of(uint32_t slot, uint8_t generation)
{
    return slot + 1;
}

static struct handle *lookup(struct handle_table *t, zx_handle_t value)
{
    uint32_t slot = value - 1;
    if (slot >= HANDLE_TABLE_CHUNK * HANDLE_TABLE_CHUNKS || !t->chunk[slot / HANDLE_TABLE_CHUNK])
        return NULL;
    struct handle *h = &t->chunk[slot / HANDLE_TABLE_CHUNK][slot % HANDLE_TABLE_CHUNK];
    return h->obj ? h : NULL;
}
*/
static zx_handle_t value_of(uint32_t slot, uint8_t generation)
{
    return (slot << SLOT_SHIFT) | ((zx_handle_t)(generation & GENERATION_MASK) << 2) |
           ZX_HANDLE_FIXED_BITS_MASK;
}

/* The handle a value names, or NULL. Caller holds t->lock. */
static struct handle *lookup(struct handle_table *t, zx_handle_t value)
{
    if ((value & ZX_HANDLE_FIXED_BITS_MASK) != ZX_HANDLE_FIXED_BITS_MASK)
        return NULL;
    uint32_t slot = value >> SLOT_SHIFT;
    if (slot >= HANDLE_TABLE_CHUNK * HANDLE_TABLE_CHUNKS || !t->chunk[slot / HANDLE_TABLE_CHUNK])
        return NULL;
    struct handle *h = &t->chunk[slot / HANDLE_TABLE_CHUNK][slot % HANDLE_TABLE_CHUNK];
    if (!h->obj || value != value_of(slot, h->generation))
        return NULL;
    return h;
}
/* LAB END */

void handle_table_init(struct handle_table *t)
{
    hal_lock_init(&t->lock);
    for (int i = 0; i < HANDLE_TABLE_CHUNKS; i++)
        t->chunk[i] = NULL;
    t->count = 0;
}

/* Undo a handle that could not be placed: a moved one was still counted among obj's handles. */
static void give_up(struct kobject *obj, bool counted)
{
    if (counted)
        kobject_handle_removed(obj);
    kobject_unref(obj);
}

/* Put a handle in the lowest free slot; `counted` if it already counts among obj's handles (it
   moved). */
static zx_status_t add(struct handle_table *t, struct kobject *obj, zx_rights_t rights,
                       bool counted, zx_handle_t *out)
{
    hal_lock_acquire(&t->lock);
    for (uint32_t c = 0; c < HANDLE_TABLE_CHUNKS; c++) {
        if (!t->chunk[c]) {
            t->chunk[c] = kzalloc(sizeof(struct handle) * HANDLE_TABLE_CHUNK);
            if (!t->chunk[c]) {
                hal_lock_release(&t->lock);
                give_up(obj, counted);
                return ZX_ERR_NO_MEMORY;
            }
        }
        for (uint32_t i = 0; i < HANDLE_TABLE_CHUNK; i++) {
            struct handle *h = &t->chunk[c][i];
            uint32_t slot = c * HANDLE_TABLE_CHUNK + i;
            if (h->obj)
                continue;
            h->obj = obj;
            h->rights = rights;
            t->count++;
            *out = value_of(slot, h->generation);
            hal_lock_release(&t->lock);
            if (!counted)
                kobject_handle_added(obj);
            return ZX_OK;
        }
    }
    hal_lock_release(&t->lock);
    give_up(obj, counted);
    return ZX_ERR_NO_RESOURCES;
}

zx_status_t handle_table_add(struct handle_table *t, struct kobject *obj, zx_rights_t rights,
                             zx_handle_t *out)
{
    return add(t, obj, rights, false, out);
}

zx_status_t handle_table_move_in(struct handle_table *t, struct kobject *obj, zx_rights_t rights,
                                 zx_handle_t *out)
{
    return add(t, obj, rights, true, out);
}

/* LAB ch02-handle-rights BEGIN: say whether the handle h may be used for what the caller asks:
   ZX_ERR_WRONG_TYPE if a type is asked for (not ZX_OBJ_TYPE_NONE) and the object is of another,
   then ZX_ERR_ACCESS_DENIED unless the handle holds every right in need, else ZX_OK.
   stub:
static zx_status_t may_use(const struct handle *h, zx_obj_type_t type, zx_rights_t need)
{
    if (type != ZX_OBJ_TYPE_NONE && h->obj->type->type != type)
        return ZX_ERR_WRONG_TYPE;
    return ZX_OK;
}
*/
static zx_status_t may_use(const struct handle *h, zx_obj_type_t type, zx_rights_t need)
{
    if (type != ZX_OBJ_TYPE_NONE && h->obj->type->type != type)
        return ZX_ERR_WRONG_TYPE;
    if ((h->rights & need) != need)
        return ZX_ERR_ACCESS_DENIED;
    return ZX_OK;
}
/* LAB END */

zx_status_t handle_table_get(struct handle_table *t, zx_handle_t value, zx_obj_type_t type,
                             zx_rights_t need, struct kobject **obj, zx_rights_t *rights)
{
    *obj = NULL;
    hal_lock_acquire(&t->lock);
    struct handle *h = lookup(t, value);
    zx_status_t status = h ? may_use(h, type, need) : ZX_ERR_BAD_HANDLE;
    if (status == ZX_OK) {
        *obj = h->obj;
        if (rights)
            *rights = h->rights;
        kobject_ref(h->obj);
    }
    hal_lock_release(&t->lock);
    return status;
}

bool handle_table_holds(struct handle_table *t, zx_handle_t value, const struct kobject *obj)
{
    hal_lock_acquire(&t->lock);
    struct handle *h = lookup(t, value);
    bool holds = h && h->obj == obj;
    hal_lock_release(&t->lock);
    return holds;
}

zx_status_t handle_table_move_out(struct handle_table *t, zx_handle_t value, struct kobject **obj,
                                  zx_rights_t *rights)
{
    hal_lock_acquire(&t->lock);
    struct handle *h = lookup(t, value);
    if (!h) {
        hal_lock_release(&t->lock);
        return ZX_ERR_BAD_HANDLE;
    }
    *obj = h->obj;
    *rights = h->rights;
    h->obj = NULL;
    h->generation = (h->generation + 1) & GENERATION_MASK;
    t->count--;
    hal_lock_release(&t->lock);
    /* The value is gone: waits through it end. The handle itself lives on in the caller's hands. */
    observers_cancel(*obj, t, value);
    return ZX_OK;
}

void handle_drop(struct kobject *obj)
{
    kobject_handle_removed(obj); /* may be the object's last handle */
    kobject_unref(obj);
}

zx_status_t handle_table_take(struct handle_table *t, zx_handle_t value, struct kobject **obj,
                              zx_rights_t *rights)
{
    zx_status_t status = handle_table_move_out(t, value, obj, rights);
    if (status == ZX_OK)
        kobject_handle_removed(*obj); /* the object may have lost its last handle */
    return status;
}

zx_status_t handle_table_close(struct handle_table *t, zx_handle_t value)
{
    struct kobject *obj;
    zx_rights_t rights;
    zx_status_t status = handle_table_take(t, value, &obj, &rights);
    if (status == ZX_OK)
        kobject_unref(obj);
    return status;
}

void handle_table_destroy(struct handle_table *t)
{
    for (uint32_t c = 0; c < HANDLE_TABLE_CHUNKS; c++) {
        for (uint32_t i = 0; t->chunk[c] && i < HANDLE_TABLE_CHUNK; i++) {
            struct handle *h = &t->chunk[c][i];
            if (h->obj)
                handle_table_close(t, value_of(c * HANDLE_TABLE_CHUNK + i, h->generation));
        }
        kfree(t->chunk[c]);
        t->chunk[c] = NULL;
    }
}
