/*: # /dev

At boot, after the initramfs is unpacked (it brings an empty `/dev`), each device of the device
table (fs/device.h) becomes a character device vnode in `/dev`, under its name. Opening one makes a
file with the device's operations (fs/open.c), so `/dev/null` is found by path like any file. */
#include "fs/ramfs.h"
#include "kernel/init.h"
#include "kernel/printk.h"

static void devfs_init(void)
{
    struct vnode *dev = ramfs_lookup(fs_root(), "dev");
    if (!dev) {
        struct vnode *made;
        if (ramfs_create(fs_root(), "dev", VNODE_DIRECTORY, 0755, &made))
            return;
        dev = made;
    }
    dev->dir.mount_point = true; /* Linux mounts devtmpfs here */
    TABLE_FOREACH(struct device, devices, d)
    {
        struct vnode *node = vnode_create_device(d, 0666);
        if (!node || ramfs_add(dev, d->name, node))
            kprintf("fs: cannot make /dev/%s\n", d->name);
        if (node)
            vnode_unref(node);
    }
    vnode_unref(dev);
}
INIT_STEP(devfs_init, INIT_LATE);
