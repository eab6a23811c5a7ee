/*: # Devices: finding and opening them */
#include "fs/device.h"

#include <asm/errno.h>
#include <string.h>

const struct device *device_find(const char *name)
{
    TABLE_FOREACH(struct device, devices, d)
    if (!strcmp(d->name, name))
        return d;
    return NULL;
}

int device_open(const struct device *d, uint32_t flags, struct file **out)
{
    int refused = d->open ? d->open(d, flags) : 0;
    if (refused)
        return refused;
    *out = file_create(d->ops, flags, (void *)d);
    return *out ? 0 : -ENOMEM;
}
