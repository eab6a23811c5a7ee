/*: # Properties, by registration

Like information topics, each property of `object_get_property`/`object_set_property` is served by
functions registered with `PROPERTY`; this chapter registers `ZX_PROP_NAME`. The system call has
already checked the handle's `ZX_RIGHT_GET_PROPERTY` or `ZX_RIGHT_SET_PROPERTY` (and, for a property
registered with `PROPERTY_SET_NEEDS`, the further rights that setting it asks) and copied the value
in; the functions work on kernel buffers. */
#ifndef ZINC_PROPERTIES_H
#define ZINC_PROPERTIES_H

#include "kernel/table.h"
#include "object/kobject.h"

struct property {
    uint32_t id;
    size_t size; /* the value's size: smaller user buffers get ZX_ERR_BUFFER_TOO_SMALL */
    zx_status_t (*get)(struct kobject *obj, void *value);
    zx_status_t (*set)(struct kobject *obj, const void *value, size_t size);
    zx_rights_t set_needs; /* rights a handle needs to set it, besides ZX_RIGHT_SET_PROPERTY */
};

TABLE_DECLARE(struct property, properties);

#define PROPERTY_SET_NEEDS(id_, size_, get_, set_, set_needs_)                                     \
    static const struct property property_##get_ TABLE_ENTRY(properties) = {                       \
        .id = id_, .size = size_, .get = get_, .set = set_, .set_needs = set_needs_}

#define PROPERTY(id_, size_, get_, set_) PROPERTY_SET_NEEDS(id_, size_, get_, set_, 0)

#endif
