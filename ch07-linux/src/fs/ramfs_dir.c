/*: # Directories: the list of entries */
#include "fs/ramfs_dir.h"

#include <asm/errno.h>
#include <string.h>

#include "fs/computed_dir.h"
#include "kernel/kmalloc.h"

struct dir_entry *dir_find(struct vnode *dir, const char *name)
{
    for (struct dir_entry *e = dir->dir.first; e; e = e->next)
        if (!strcmp(e->name, name))
            return e;
    return NULL;
}

struct dir_entry *dir_find_node(struct vnode *dir, const struct vnode *node)
{
    for (struct dir_entry *e = dir->dir.first; e; e = e->next)
        if (e->node == node)
            return e;
    return NULL;
}

int dir_add(struct vnode *dir, const char *name, struct vnode *node)
{
    size_t len = strlen(name);
    struct dir_entry *e = kzalloc(sizeof *e + len + 1);
    if (!e)
        return -ENOMEM;
    memcpy(e->name, name, len + 1);
    e->cookie = dir->dir.next_cookie++;
    e->node = node;
    vnode_ref(node);
    if (dir->dir.last)
        dir->dir.last->next = e;
    else
        dir->dir.first = e;
    dir->dir.last = e;
    dir->size += DIR_ENTRY_SIZE;
    return 0;
}

struct vnode *dir_remove(struct vnode *dir, struct dir_entry *e)
{
    struct dir_entry **link = &dir->dir.first, *before = NULL;
    while (*link != e) {
        before = *link;
        link = &(*link)->next;
    }
    *link = e->next;
    if (dir->dir.last == e)
        dir->dir.last = before;
    struct vnode *node = e->node;
    kfree(e);
    dir->size -= DIR_ENTRY_SIZE;
    return node;
}

bool dir_is_empty(const struct vnode *dir)
{
    return !dir->dir.first && !dir->dir.computed;
}

void dir_drop_entries(struct vnode *dir)
{
    while (dir->dir.first) {
        struct dir_entry *e = dir->dir.first;
        dir->dir.first = e->next;
        if (e->node->type == VNODE_DIRECTORY)
            e->node->dir.parent = NULL;
        vnode_unref(e->node);
        kfree(e);
    }
    dir->dir.last = NULL;
}

uint64_t dir_read(struct vnode *dir, uint64_t cookie,
                  bool (*emit)(void *ctx, const struct dir_item *item), void *ctx)
{
    hal_lock_acquire(&fs_tree_lock);
    struct vnode *parent = dir->dir.parent ? dir->dir.parent : dir;
    if (cookie == 0 && emit(ctx, &(struct dir_item){".", dir->ino, VNODE_DIRECTORY, 1}))
        cookie = 1;
    if (cookie == 1 && emit(ctx, &(struct dir_item){"..", parent->ino, VNODE_DIRECTORY, 2}))
        cookie = DIR_FIRST_COOKIE;
    bool computed = dir->dir.computed;
    for (struct dir_entry *e = dir->dir.first; !computed && e && cookie >= DIR_FIRST_COOKIE;
         e = e->next) {
        if (e->cookie < cookie)
            continue;
        struct dir_item item = {e->name, e->node->ino, e->node->type, e->cookie + 1};
        if (!emit(ctx, &item))
            break;
        cookie = e->cookie + 1;
    }
    hal_lock_release(&fs_tree_lock);
    if (computed && cookie >= DIR_FIRST_COOKIE)
        cookie = dir->dir.computed->read(dir, cookie, emit, ctx);
    return cookie;
}
