/*: # Devices

A device is a file whose operations are the kernel's own code rather than stored bytes: `/dev/null`
swallows what is written, `/dev/zero` reads as zeros, the console prints. Each registers itself with
`DEVICE`, by name and number, and the file system makes a node for it in `/dev`; opening the node
makes a file with the device's operations, unless the device refuses: `/dev/tty`, the process's
controlling terminal, cannot be opened by a process that has none. */
#ifndef ZINC_FS_DEVICE_H
#define ZINC_FS_DEVICE_H

#include "fs/file.h"
#include "kernel/table.h"

struct device {
    const char *name; /* its name in /dev */
    uint32_t major, minor;
    const struct file_ops *ops;
    /* Optional: may a file be opened with open(2)'s flags? 0, or the error the open fails with. */
    int (*open)(const struct device *d, uint32_t flags);
};

TABLE_DECLARE(struct device, devices);
/* DEVICE(name, major, minor, ops), and optionally more fields: `.open = ...`. */
#define DEVICE(name_, major_, minor_, ops_, ...)                                                   \
    static const struct device device_##name_ TABLE_ENTRY(devices) = {                             \
        .name = #name_, .major = major_, .minor = minor_, .ops = ops_, __VA_ARGS__}

/* The device called name, or NULL. */
const struct device *device_find(const char *name);

/* A new open file of device d, with open(2)'s flags, in *out: 0, -ENOMEM, or the device's own
   refusal. */
int device_open(const struct device *d, uint32_t flags, struct file **out);

#endif
