/*: # The handle table, implemented

Slots live in chunks of 64 that are allocated as the table grows, so a process with few handles costs
little and no chunk is larger than the kernel heap's largest block. A new handle takes the lowest free
slot. Every handle holds one reference on its object and counts as one of the object's handles; closing
it tells observers placed through it (their wait ends) and may be the object's last handle. */
#include "object/handle.h"

#include "kernel/kmalloc.h"
#include "object/observer.h"

#define SLOT_SHIFT 8
#define GENERATION_MASK 0x3f

static zx_handle_t value_of(uint32_t slot, uint8_t generation)
{
    return (slot << SLOT_SHIFT) | ((zx_handle_t)(generation & GENERATION_MASK) << 2) | ZX_HANDLE_FIXED_BITS_MASK;
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

void handle_table_init(struct handle_table *t)
{
    hal_lock_init(&t->lock);
    for (int i = 0; i < HANDLE_TABLE_CHUNKS; i++)
        t->chunk[i] = NULL;
    t->count = 0;
}

zx_status_t handle_table_add(struct handle_table *t, struct kobject *obj, zx_rights_t rights,
                             zx_handle_t *out)
{
    hal_lock_acquire(&t->lock);
    for (uint32_t c = 0; c < HANDLE_TABLE_CHUNKS; c++) {
        if (!t->chunk[c]) {
            t->chunk[c] = kzalloc(sizeof(struct handle) * HANDLE_TABLE_CHUNK);
            if (!t->chunk[c]) {
                hal_lock_release(&t->lock);
                kobject_unref(obj);
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
            kobject_handle_added(obj);
            return ZX_OK;
        }
    }
    hal_lock_release(&t->lock);
    kobject_unref(obj);
    return ZX_ERR_NO_RESOURCES;
}

zx_status_t handle_table_get(struct handle_table *t, zx_handle_t value, struct kobject **obj,
                             zx_rights_t *rights)
{
    hal_lock_acquire(&t->lock);
    struct handle *h = lookup(t, value);
    if (h) {
        *obj = h->obj;
        *rights = h->rights;
        kobject_ref(h->obj);
    }
    hal_lock_release(&t->lock);
    return h ? ZX_OK : ZX_ERR_BAD_HANDLE;
}

zx_status_t handle_table_get_checked(struct handle_table *t, zx_handle_t value, zx_obj_type_t type,
                                     zx_rights_t need, struct kobject **obj)
{
    zx_rights_t rights;
    zx_status_t status = handle_table_get(t, value, obj, &rights);
    if (status != ZX_OK)
        return status;
    if ((*obj)->type->type != type)
        status = ZX_ERR_WRONG_TYPE;
    else if ((rights & need) != need)
        status = ZX_ERR_ACCESS_DENIED;
    if (status != ZX_OK)
        kobject_unref(*obj);
    return status;
}

zx_status_t handle_table_take(struct handle_table *t, zx_handle_t value, struct kobject **obj,
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
    /* The handle is gone: waits through it end, and the object may have lost its last handle. */
    observers_cancel(*obj, t, value);
    kobject_handle_removed(*obj);
    return ZX_OK;
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
