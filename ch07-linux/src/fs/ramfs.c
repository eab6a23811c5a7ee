/*: # The RAM file system: changing names

Every operation holds the tree lock from its first check to its last change, and drops the
references it took off entries only after letting the lock go: the last reference to a file frees
its VMO, which is no work for a spinning lock. */
#include "fs/ramfs.h"

#include <asm/errno.h>
#include <string.h>

#include "fs/computed_dir.h"

bool ramfs_special_name(const char *name)
{
    return !name[0] || !strcmp(name, ".") || !strcmp(name, "..");
}

struct vnode *ramfs_lookup(struct vnode *dir, const char *name)
{
    if (dir->dir.computed && !ramfs_special_name(name))
        return dir->dir.computed->lookup(dir, name); /* not under the tree lock: it may wait */
    struct vnode *found = NULL;
    hal_lock_acquire(&fs_tree_lock);
    if (!strcmp(name, ".") || !name[0]) {
        found = dir;
    } else if (!strcmp(name, "..")) {
        found = dir->dir.parent ? dir->dir.parent : dir;
    } else {
        struct dir_entry *e = dir_find(dir, name);
        found = e ? e->node : NULL;
    }
    if (found)
        vnode_ref(found);
    hal_lock_release(&fs_tree_lock);
    return found;
}

/* A directory's times change with its entries. */
static void changed(struct vnode *dir)
{
    vnode_touch(dir, VNODE_MTIME | VNODE_CTIME);
}

/* Under the tree lock: can dir take a new entry called name? */
static int can_add(struct vnode *dir, const char *name)
{
    if (dir->dir.removed || dir->dir.computed)
        return -ENOENT;
    return ramfs_special_name(name) || dir_find(dir, name) ? -EEXIST : 0;
}

int ramfs_add(struct vnode *dir, const char *name, struct vnode *node)
{
    hal_lock_acquire(&fs_tree_lock);
    int err = can_add(dir, name);
    if (!err)
        err = dir_add(dir, name, node);
    if (!err && node->type == VNODE_DIRECTORY) {
        node->dir.parent = dir;
        dir->nlink++; /* the new directory's ".." */
    }
    if (!err)
        changed(dir);
    hal_lock_release(&fs_tree_lock);
    return err;
}

int ramfs_create(struct vnode *dir, const char *name, enum vnode_type type, uint32_t mode,
                 struct vnode **out)
{
    struct vnode *node = vnode_create(type, mode);
    if (!node)
        return -ENOMEM;
    int err = ramfs_add(dir, name, node);
    if (err)
        vnode_unref(node);
    else
        *out = node;
    return err;
}

int ramfs_link(struct vnode *dir, const char *name, struct vnode *node)
{
    if (node->type == VNODE_DIRECTORY)
        return -EPERM;
    hal_lock_acquire(&fs_tree_lock);
    int err = can_add(dir, name);
    if (!err && !node->nlink)
        err = -ENOENT;
    if (!err)
        err = dir_add(dir, name, node);
    if (!err) {
        node->nlink++;
        changed(dir);
        vnode_touch(node, VNODE_CTIME);
    }
    hal_lock_release(&fs_tree_lock);
    return err;
}

/* Under the tree lock: victim loses its name in dir. */
static void lose_name(struct vnode *dir, struct vnode *victim)
{
    if (victim->type == VNODE_DIRECTORY) {
        victim->nlink = 0;
        victim->dir.removed = true;
        victim->dir.parent = NULL;
        dir->nlink--;
    } else {
        victim->nlink--;
    }
    vnode_touch(victim, VNODE_CTIME);
    changed(dir);
}

/* Under the tree lock: take entry e off dir: its vnode, whose reference the caller drops. */
static struct vnode *drop_name(struct vnode *dir, struct dir_entry *e)
{
    lose_name(dir, e->node);
    return dir_remove(dir, e);
}

/* unlink and rmdir: remove dir/name if it is (not) a directory. */
static int remove_name(struct vnode *dir, const char *name, bool directory)
{
    if (ramfs_special_name(name))
        return directory ? (!strcmp(name, "..") ? -ENOTEMPTY
                            : name[0]           ? -EINVAL
                                                : -EBUSY)
                         : -EISDIR;
    struct vnode *gone = NULL;
    hal_lock_acquire(&fs_tree_lock);
    struct dir_entry *e = dir_find(dir, name);
    int err = !e ? -ENOENT : 0;
    if (!err && directory != (e->node->type == VNODE_DIRECTORY))
        err = directory ? -ENOTDIR : -EISDIR;
    if (!err && directory && e->node->dir.mount_point)
        err = -EBUSY;
    if (!err && directory && !dir_is_empty(e->node))
        err = -ENOTEMPTY;
    if (!err)
        gone = drop_name(dir, e);
    hal_lock_release(&fs_tree_lock);
    if (gone)
        vnode_unref(gone);
    return err;
}

int ramfs_unlink(struct vnode *dir, const char *name)
{
    return remove_name(dir, name, false);
}

int ramfs_rmdir(struct vnode *dir, const char *name)
{
    return remove_name(dir, name, true);
}

/* Under the tree lock: is dir node itself, or below it? */
static bool is_within(struct vnode *dir, struct vnode *node)
{
    for (struct vnode *d = dir; d; d = d->dir.parent == d ? NULL : d->dir.parent)
        if (d == node)
            return true;
    return false;
}

/* Under the tree lock: may node (a directory or not) replace victim? */
static int can_replace(struct vnode *node, struct vnode *victim)
{
    if (node->type == VNODE_DIRECTORY && victim->type != VNODE_DIRECTORY)
        return -ENOTDIR;
    if (node->type != VNODE_DIRECTORY && victim->type == VNODE_DIRECTORY)
        return -EISDIR;
    if (victim->type == VNODE_DIRECTORY && !dir_is_empty(victim))
        return -ENOTEMPTY;
    return 0;
}

/* Is node busy, as Linux's mount points are: a directory that stands where Linux mounts a file
   system of its own (/dev, /proc) or, as /proc/PID is, belongs to one? A rename neither moves nor
   replaces it. */
static bool is_busy(const struct vnode *node)
{
    return node->type == VNODE_DIRECTORY && (node->dir.mount_point || node->dir.computed);
}

/* Under the tree lock: check a rename, whose old entry is old and new one (if any) is new. */
static int check_rename(struct dir_entry *old, struct vnode *newdir, struct dir_entry *new,
                        bool noreplace)
{
    if (!old)
        return -ENOENT;
    if (is_busy(old->node) || (new && is_busy(new->node)))
        return -EBUSY;
    if (new &&noreplace)
        return -EEXIST;
    if (old->node->type == VNODE_DIRECTORY && is_within(newdir, old->node))
        return -EINVAL;
    if (newdir->dir.removed)
        return -ENOENT;
    return new ? can_replace(old->node, new->node) : 0;
}

/* Under the tree lock: move node, a directory, from olddir to newdir. */
static void reparent(struct vnode *node, struct vnode *olddir, struct vnode *newdir)
{
    olddir->nlink--;
    newdir->nlink++;
    node->dir.parent = newdir;
}

int ramfs_rename(struct vnode *olddir, const char *oldname, struct vnode *newdir,
                 const char *newname, bool noreplace)
{
    if (ramfs_special_name(oldname) || ramfs_special_name(newname))
        return noreplace && ramfs_special_name(newname) ? -EEXIST : -EBUSY;
    hal_lock_acquire(&fs_tree_lock);
    struct dir_entry *old = dir_find(olddir, oldname), *new = dir_find(newdir, newname);
    int err = check_rename(old, newdir, new, noreplace);
    if (err || (new && old->node == new->node)) {
        hal_lock_release(&fs_tree_lock);
        return err; /* two names of one file: rename does nothing */
    }
    struct vnode *moved = old->node, *gone = NULL;
    if (new) { /* the entry names the moved file now: nothing to allocate, nothing to fail */
        gone = new->node;
        lose_name(newdir, gone);
        new->node = moved;
        vnode_ref(moved);
    } else {
        err = dir_add(newdir, newname, moved);
    }
    if (!err) {
        if (moved->type == VNODE_DIRECTORY && olddir != newdir)
            reparent(moved, olddir, newdir);
        dir_remove(olddir, old);
        changed(olddir);
        changed(newdir);
        vnode_touch(moved, VNODE_CTIME);
    }
    hal_lock_release(&fs_tree_lock);
    if (gone)
        vnode_unref(gone);
    if (!err)
        vnode_unref(moved); /* the old entry's reference */
    return err;
}
