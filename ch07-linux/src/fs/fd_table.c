/*: # The descriptor table: lowest free number first

A closed file is released outside the table's lock: its release may wake and run code of its own
(the other end of a pipe), and a close never waits on anything while the table is held. */
#include "fs/fd_table.h"

#include <asm/errno.h>
#include <string.h>

#include "kernel/frame.h"
#include "kernel/kmalloc.h"

_Static_assert(FD_MAX * sizeof(struct fd_slot) <= PAGE_SIZE, "a table fits a page");

struct fd_table *fd_table_create(void)
{
    struct fd_table *t = kzalloc(sizeof *t);
    paddr_t frame = t ? frame_alloc() : 0;
    if (!frame) {
        kfree(t);
        return NULL;
    }
    t->frame = frame;
    t->slots = hal_pmem_ptr(frame);
    memset(t->slots, 0, PAGE_SIZE);
    hal_lock_init(&t->lock);
    return t;
}

struct fd_table *fd_table_clone(struct fd_table *t)
{
    struct fd_table *copy = fd_table_create();
    if (!copy)
        return NULL;
    hal_lock_acquire(&t->lock);
    for (int fd = 0; fd < FD_MAX; fd++) {
        copy->slots[fd] = t->slots[fd];
        if (t->slots[fd].file)
            file_ref(t->slots[fd].file);
    }
    hal_lock_release(&t->lock);
    return copy;
}

void fd_table_destroy(struct fd_table *t)
{
    for (int fd = 0; fd < FD_MAX; fd++)
        if (t->slots[fd].file)
            file_unref(t->slots[fd].file);
    frame_free(t->frame);
    kfree(t);
}

int fd_install(struct fd_table *t, struct file *f, int min, bool cloexec)
{
    int fd = min < 0 ? 0 : min;
    hal_lock_acquire(&t->lock);
    while (fd < FD_MAX && t->slots[fd].file)
        fd++;
    if (fd < FD_MAX) {
        file_ref(f);
        t->slots[fd] = (struct fd_slot){f, cloexec};
    }
    hal_lock_release(&t->lock);
    return fd < FD_MAX ? fd : -EMFILE;
}

struct file *fd_get(struct fd_table *t, int fd)
{
    struct file *f = NULL;
    hal_lock_acquire(&t->lock);
    if (fd >= 0 && fd < FD_MAX && (f = t->slots[fd].file))
        file_ref(f);
    hal_lock_release(&t->lock);
    return f;
}

int fd_close(struct fd_table *t, int fd)
{
    struct file *f = NULL;
    hal_lock_acquire(&t->lock);
    if (fd >= 0 && fd < FD_MAX && (f = t->slots[fd].file))
        t->slots[fd] = (struct fd_slot){NULL, false};
    hal_lock_release(&t->lock);
    if (!f)
        return -EBADF;
    file_unref(f);
    return 0;
}

int fd_dup_to(struct fd_table *t, int old, int new, bool cloexec)
{
    /* LAB ch07-dup2 BEGIN: under the table's lock, make slot new name the file of slot old (one
       more reference to it) with the close-on-exec flag cloexec, and return new; -EBADF if old is
       not open or either number is out of range. What new named before is closed: its
       reference is dropped, after the lock is released.
       stub:
    if (old < 0 || old >= FD_MAX || !t->slots[old].file || new < 0 || new >= FD_MAX)
        return -EBADF;
    file_ref(t->slots[old].file);
    t->slots[new] = (struct fd_slot){t->slots[old].file, false};
    return new;
    */
    struct file *gone = NULL;
    int result = new;
    hal_lock_acquire(&t->lock);
    if (old < 0 || old >= FD_MAX || !t->slots[old].file || new < 0 || new >= FD_MAX) {
        result = -EBADF;
    } else {
        gone = t->slots[new].file;
        file_ref(t->slots[old].file);
        t->slots[new] = (struct fd_slot){t->slots[old].file, cloexec};
    }
    hal_lock_release(&t->lock);
    if (gone)
        file_unref(gone);
    return result;
    /* LAB END */
}

int fd_get_cloexec(struct fd_table *t, int fd)
{
    hal_lock_acquire(&t->lock);
    int result = fd >= 0 && fd < FD_MAX && t->slots[fd].file ? t->slots[fd].cloexec : -EBADF;
    hal_lock_release(&t->lock);
    return result;
}

int fd_set_cloexec(struct fd_table *t, int fd, bool cloexec)
{
    int result = -EBADF;
    hal_lock_acquire(&t->lock);
    if (fd >= 0 && fd < FD_MAX && t->slots[fd].file) {
        t->slots[fd].cloexec = cloexec;
        result = 0;
    }
    hal_lock_release(&t->lock);
    return result;
}

void fd_close_on_exec(struct fd_table *t)
{
    for (int fd = 0; fd < FD_MAX; fd++)
        if (fd_get_cloexec(t, fd) == 1)
            fd_close(t, fd);
}
