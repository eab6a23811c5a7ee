/*: # Vnodes: making and freeing them

Inode numbers are handed out in increasing order and never reused while the system runs, so that
two files never share one (programs such as `cp` and `find` compare them). A vnode is freed with
what it holds: a regular file's VMO, a symlink's target, and a directory's entries (a directory
normally has none by then, since only an empty one can be removed; a kernel test's private tree is
dropped whole this way). */
#include "fs/vnode.h"

#include <string.h>

#include "fs/ramfs_dir.h"
#include "kernel/init.h"
#include "kernel/kmalloc.h"
#include "kernel/panic.h"
#include "linux/clock.h"
#include "vm/vmo.h"

#define NS 1000000000ull

struct hal_lock fs_tree_lock = HAL_LOCK_INIT;
static uint64_t last_ino; /* atomic */

struct vnode_time vnode_now(void)
{
    uint64_t ns = linux_clock_realtime();
    return (struct vnode_time){(int64_t)(ns / NS), (uint32_t)(ns % NS)};
}

void vnode_touch(struct vnode *v, unsigned which)
{
    struct vnode_time now = vnode_now();
    hal_lock_acquire(&v->lock);
    if (which & VNODE_ATIME)
        v->atime = now;
    if (which & VNODE_MTIME)
        v->mtime = now;
    if (which & VNODE_CTIME)
        v->ctime = now;
    hal_lock_release(&v->lock);
}

struct vnode *vnode_create(enum vnode_type type, uint32_t mode)
{
    struct vnode *v = kzalloc(sizeof *v);
    if (!v)
        return NULL;
    if (type == VNODE_REGULAR && vmo_create(0, true, &v->data) != ZX_OK) {
        kfree(v);
        return NULL;
    }
    v->refs = 1;
    v->type = type;
    v->mode = mode & 07777;
    v->nlink = type == VNODE_DIRECTORY ? 2 : 1; /* a directory's own "." counts */
    v->ino = __atomic_add_fetch(&last_ino, 1, __ATOMIC_RELAXED);
    v->atime = v->mtime = v->ctime = vnode_now();
    if (type == VNODE_DIRECTORY) {
        v->dir.next_cookie = DIR_FIRST_COOKIE;
        v->size = 2 * DIR_ENTRY_SIZE; /* "." and ".." */
    }
    hal_lock_init(&v->lock);
    return v;
}

struct vnode *vnode_create_symlink(const char *target)
{
    size_t len = strlen(target);
    if (len >= KMALLOC_MAX)
        return NULL;
    struct vnode *v = vnode_create(VNODE_SYMLINK, 0777);
    char *copy = v ? kzalloc(len + 1) : NULL;
    if (!copy) {
        kfree(v);
        return NULL;
    }
    memcpy(copy, target, len + 1);
    v->target = copy;
    v->size = len;
    return v;
}

struct vnode *vnode_create_device(const struct device *d, uint32_t mode)
{
    struct vnode *v = vnode_create(VNODE_CHAR_DEVICE, mode);
    if (v)
        v->device = d;
    return v;
}

void vnode_ref(struct vnode *v)
{
    __atomic_add_fetch(&v->refs, 1, __ATOMIC_RELAXED);
}

void vnode_unref(struct vnode *v)
{
    if (__atomic_sub_fetch(&v->refs, 1, __ATOMIC_ACQ_REL) != 0)
        return;
    if (v->type == VNODE_REGULAR)
        kobject_unref(&v->data->base);
    else if (v->type == VNODE_SYMLINK)
        kfree(v->target);
    else if (v->type == VNODE_DIRECTORY)
        dir_drop_entries(v);
    kfree(v);
}

static struct vnode *root;

/* The root directory, made before anything may look a path up: its ".." is itself. */
static void fs_root_init(void)
{
    root = vnode_create(VNODE_DIRECTORY, 0755);
    kassert(root);
    root->dir.parent = root;
}
INIT_STEP(fs_root_init, INIT_KERNEL);

struct vnode *fs_root(void)
{
    return root;
}
