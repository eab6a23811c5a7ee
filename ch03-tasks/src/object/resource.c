/*: # The root resource, implemented

The object lives in the kernel's data and the kernel keeps one reference to it for ever, so its
`destroy` is never called. Its rights are Zircon's for a resource: transfer, duplicate, inspect and
write, no waiting (it has no signals to wait for). */
#include "object/resource.h"

#include "kernel/init.h"
#include "kernel/panic.h"

static void resource_destroy(struct kobject *obj)
{
    panic("the root resource lost its last reference");
}

const struct kobject_type resource_type = {
    .name = "resource",
    .type = ZX_OBJ_TYPE_RESOURCE,
    .default_rights = ZX_RIGHT_TRANSFER | ZX_RIGHT_DUPLICATE | ZX_RIGHT_INSPECT | ZX_RIGHT_WRITE,
    .destroy = resource_destroy,
};

static struct kobject root;

static void root_resource_init(void)
{
    kobject_init(&root, &resource_type); /* the reference that keeps it */
}
INIT_STEP(root_resource_init, INIT_KERNEL);

struct kobject *root_resource(void)
{
    kobject_ref(&root);
    return &root;
}
