/*: # Handles and the handle table

A handle is what a process holds instead of a pointer: an object plus the rights this holder has
over it. Each process keeps its handles in a table, and user code names one by a 32-bit *handle
value*. Zircon's rules for values, which Zinc follows:

- 0 is `ZX_HANDLE_INVALID`, never a handle;
- every valid value has its two low bits set (`ZX_HANDLE_FIXED_BITS_MASK`), so 0 and any number with
  a low bit clear are never valid (Zircon also mixes a per-process secret into the values; Zinc does
  not, so the first handle of every table is 3);
- a value is not reused soon after its handle is closed: each slot carries a generation count that
  is part of the value, so a stale value fails with `ZX_ERR_BAD_HANDLE` instead of reaching a newer
  object.

Value layout: `slot << 8 | generation << 2 | 3`, with a 6-bit generation. */
#ifndef ZINC_HANDLE_H
#define ZINC_HANDLE_H

#include "object/kobject.h"

struct handle {
    struct kobject *obj; /* NULL for a free slot */
    zx_rights_t rights;
    uint8_t generation;
};

#define HANDLE_TABLE_CHUNK 64  /* slots per chunk: 64 * 16 bytes, one kmalloc block */
#define HANDLE_TABLE_CHUNKS 64 /* so a process holds at most 4096 handles */

struct handle_table {
    struct hal_lock lock;
    struct handle *chunk[HANDLE_TABLE_CHUNKS];
    uint32_t count;
};

void handle_table_init(struct handle_table *t);

/* Close every handle left in t. */
void handle_table_destroy(struct handle_table *t);

/* Make a handle to obj with rights; the table takes over one reference the caller owns. On failure
   (ZX_ERR_NO_MEMORY, ZX_ERR_NO_RESOURCES) the reference is dropped. */
zx_status_t handle_table_add(struct handle_table *t, struct kobject *obj, zx_rights_t rights,
                             zx_handle_t *out);

/* Look up value, the one way every system call reaches an object through a handle: on ZX_OK, *obj
   holds a new reference the caller must drop, and *rights (if rights is not NULL) the handle's
   rights. The object must have type `type` (ZX_OBJ_TYPE_NONE: any type will do) and the handle all
   of the rights in `need`. The checks come in Zircon's order: ZX_ERR_BAD_HANDLE for a value that
   names no handle, then ZX_ERR_WRONG_TYPE, then ZX_ERR_ACCESS_DENIED. On failure *obj is NULL. */
zx_status_t handle_table_get(struct handle_table *t, zx_handle_t value, zx_obj_type_t type,
                             zx_rights_t need, struct kobject **obj, zx_rights_t *rights);

/* Does value in t still name obj? (A wait through a handle ends when the handle is closed.) */
bool handle_table_holds(struct handle_table *t, zx_handle_t value, const struct kobject *obj);

/* Remove the handle; on ZX_OK the caller owns its object reference and learns its rights. */
zx_status_t handle_table_take(struct handle_table *t, zx_handle_t value, struct kobject **obj,
                              zx_rights_t *rights);

/* Moving a handle (into a message, another table, or back with fewer rights): move_out removes the
   value from t (waits through it end) but the handle lives on, still counted among its object's
   handles; on ZX_OK the caller holds it (the object reference and the count) and learns its rights,
   and must either move it into a table with handle_table_move_in or end it with handle_drop.
   move_in places it like handle_table_add, and on failure ends it. ZX_ERR_BAD_HANDLE,
   ZX_ERR_NO_MEMORY, ZX_ERR_NO_RESOURCES as above. */
zx_status_t handle_table_move_out(struct handle_table *t, zx_handle_t value, struct kobject **obj,
                                  zx_rights_t *rights);
zx_status_t handle_table_move_in(struct handle_table *t, struct kobject *obj, zx_rights_t rights,
                                 zx_handle_t *out);
void handle_drop(struct kobject *obj);

/* Close value: ZX_OK, or ZX_ERR_BAD_HANDLE. */
zx_status_t handle_table_close(struct handle_table *t, zx_handle_t value);

#endif
