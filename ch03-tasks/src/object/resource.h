/*: # The root resource

In Zircon a *resource* is a handle that grants a privilege: reaching hardware, or reading what the
whole kernel does. The *root resource* grants them all, and the kernel hands it to the first
process, userboot, which passes it on only to whom it trusts. Zinc has the root resource alone,
for what reads the whole kernel (from chapter 6, `ZX_INFO_KMEM_STATS`, the kernel's memory): one
object made at boot and never destroyed, given to the first program (task/userboot.c) as
`PA_HND(PA_RESOURCE, 0)`. */
#ifndef ZINC_RESOURCE_H
#define ZINC_RESOURCE_H

#include "object/kobject.h"

extern const struct kobject_type resource_type;

/* The root resource, with a new reference for the caller. */
struct kobject *root_resource(void);

#endif
