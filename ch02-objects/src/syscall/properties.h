/*: # Properties, by registration

Like information topics, each property of `object_get_property`/`object_set_property` is served by
functions registered with `PROPERTY`; this chapter registers `ZX_PROP_NAME`. The system call has already
checked the handle's `ZX_RIGHT_GET_PROPERTY` or `ZX_RIGHT_SET_PROPERTY` and copied the value in; the
functions work on kernel buffers. */
#ifndef ZINC_PROPERTIES_H
#define ZINC_PROPERTIES_H

#include "kernel/table.h"
#include "object/kobject.h"

struct property {
    uint32_t id;
    size_t size; /* the value's size: smaller user buffers get ZX_ERR_BUFFER_TOO_SMALL */
    zx_status_t (*get)(struct kobject *obj, void *value);
    zx_status_t (*set)(struct kobject *obj, const void *value, size_t size);
};

TABLE_DECLARE(struct property, properties);

#define PROPERTY(id_, size_, get_, set_)                                                                \
    static const struct property property_##get_ TABLE_ENTRY(properties) = {id_, size_, get_, set_}

#endif
