/*: # Paths: the walk

The path is copied into a page of its own, where a symbolic link's target replaces the names
walked so far: what is left to walk is always one string, the target followed by the rest of the
path, and the walk is a loop rather than a recursion (kernel stacks are small, and a path may
hold 40 links). */
#include "fs/path.h"

#include <asm/errno.h>
#include <string.h>

#include "fs/ramfs.h"
#include "kernel/frame.h"

void lookup_done(struct lookup *l)
{
    if (l->dir)
        vnode_unref(l->dir);
    if (l->node)
        vnode_unref(l->node);
    l->dir = l->node = NULL;
}

/* Replace what buf holds up to rest with the target of link: false if that is too long. */
static bool splice_link(char *buf, const char *rest, const struct vnode *link)
{
    size_t target = link->size, left = strlen(rest);
    if (target + left >= PATH_MAX)
        return false;
    memmove(buf + target, rest, left + 1);
    memcpy(buf, link->target, target);
    return true;
}

/* Is next, found as the last name (or not), a link to follow? */
static bool to_follow(const struct vnode *next, bool last, bool slash, unsigned flags)
{
    if (next->type != VNODE_SYMLINK || !last)
        return next->type == VNODE_SYMLINK;
    if (flags & PATH_ENTRY)
        return false;
    return slash || !(flags & PATH_NOFOLLOW);
}

/* The walk over buf, from cur (whose reference it takes over). */
static int walk(struct vnode *cur, char *buf, unsigned flags, struct lookup *out)
{
    int links = 0, err = 0;
    char *p = buf;
    for (;;) {
        while (*p == '/')
            p++;
        if (!*p) { /* nothing after the slashes: the path names cur itself */
            out->node = cur;
            out->name[0] = '\0';
            return 0;
        }
        char *end = p;
        while (*end && *end != '/')
            end++;
        char *rest = end;
        while (*rest == '/')
            rest++;
        bool last = !*rest, slash = *end == '/';
        if ((size_t)(end - p) > NAME_MAX) {
            err = -ENAMETOOLONG;
            break;
        }
        if (cur->type != VNODE_DIRECTORY) {
            err = -ENOTDIR;
            break;
        }
        memcpy(out->name, p, end - p);
        out->name[end - p] = '\0';
        struct vnode *next = ramfs_lookup(cur, out->name);
        if (!next && !last) {
            err = -ENOENT;
            break;
        }
        if (next && to_follow(next, last, slash, flags)) {
            err = ++links > SYMLOOP_MAX ? -ELOOP : !next->size ? -ENOENT : 0;
            if (!err && !splice_link(buf, end, next))
                err = -ENAMETOOLONG;
            if (!err && buf[0] == '/') {
                vnode_unref(cur);
                vnode_ref(cur = fs_root());
            }
            vnode_unref(next);
            if (err)
                break;
            p = buf;
            continue;
        }
        if (last) {
            if (next && slash && next->type != VNODE_DIRECTORY) {
                vnode_unref(next);
                err = -ENOTDIR;
                break;
            }
            out->dir = cur;
            out->node = next;
            out->trailing_slash = slash;
            return 0;
        }
        vnode_unref(cur);
        cur = next;
        p = end;
    }
    vnode_unref(cur);
    return err;
}

int path_walk(struct vnode *start, const char *path, unsigned flags, struct lookup *out)
{
    *out = (struct lookup){0};
    size_t len = strlen(path);
    if (!len)
        return -ENOENT;
    if (len >= PATH_MAX)
        return -ENAMETOOLONG;
    paddr_t frame = frame_alloc();
    if (!frame)
        return -ENOMEM;
    char *buf = hal_pmem_ptr(frame);
    memcpy(buf, path, len + 1);
    struct vnode *cur = buf[0] == '/' ? fs_root() : start;
    vnode_ref(cur);
    int err = walk(cur, buf, flags, out);
    frame_free(frame);
    return err;
}
