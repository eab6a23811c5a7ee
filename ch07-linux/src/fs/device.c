/*: # Devices: finding and opening them */
#include "fs/device.h"

#include <string.h>

const struct device *device_find(const char *name)
{
    TABLE_FOREACH(struct device, devices, d)
    if (!strcmp(d->name, name))
        return d;
    return NULL;
}

struct file *device_open(const struct device *d, uint32_t flags)
{
    return file_create(d->ops, flags, (void *)d);
}
