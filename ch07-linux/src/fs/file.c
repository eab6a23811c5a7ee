/*: # Open files: making and dropping them

An open file lives while a descriptor, a running system call or a `fork`ed copy of a table holds a
reference to it; the last one to let go runs its `release` (a pipe's end closes there, so the other
end sees it), and the file lets go of its vnode and of the directory and name it was opened by. */
#include "fs/file.h"

#include <asm/errno.h>
#include <asm/fcntl.h>
#include <string.h>

#include "fs/vnode.h"
#include "kernel/kmalloc.h"

struct file *file_create(const struct file_ops *ops, uint32_t flags, void *private)
{
    struct file *f = kzalloc(sizeof *f);
    if (!f)
        return NULL;
    *f = (struct file){.refs = 1, .ops = ops, .flags = flags, .private = private};
    hal_lock_init(&f->lock);
    return f;
}

void file_ref(struct file *f)
{
    __atomic_add_fetch(&f->refs, 1, __ATOMIC_RELAXED);
}

void file_unref(struct file *f)
{
    if (__atomic_sub_fetch(&f->refs, 1, __ATOMIC_ACQ_REL) != 0)
        return;
    if (f->ops->release)
        f->ops->release(f);
    if (f->node)
        vnode_unref(f->node);
    if (f->dir)
        vnode_unref(f->dir);
    kfree(f->name);
    kfree(f);
}

int file_set_name(struct file *f, struct vnode *dir, const char *name)
{
    size_t len = strlen(name);
    if (!(f->name = kzalloc(len + 1)))
        return -ENOMEM;
    memcpy(f->name, name, len + 1);
    vnode_ref(f->dir = dir);
    return 0;
}

bool file_readable(const struct file *f)
{
    return (f->flags & O_ACCMODE) != O_WRONLY;
}

bool file_writable(const struct file *f)
{
    return (f->flags & O_ACCMODE) != O_RDONLY;
}
