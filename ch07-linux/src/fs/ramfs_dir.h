/*: # Directories: a list of names

A directory of the RAM file system is a list of entries, each a name and the vnode it names (with
a reference). New entries go at the end, and each gets a *cookie*, a number larger than any before
in that directory: `getdents64` resumes at a cookie, so an entry removed or added between two calls
never makes it skip or repeat the others. Cookies 0 and 1 are `.` and `..`, which are not stored.

A list is searched name by name: directories in a teaching system are short, and the list keeps the
code plain. Everything here runs under the tree lock (fs/vnode.h) unless it says otherwise. */
#ifndef ZINC_FS_RAMFS_DIR_H
#define ZINC_FS_RAMFS_DIR_H

#include "fs/vnode.h"

#define DIR_FIRST_COOKIE 2 /* 0 is ".", 1 is ".." */

/* What each name adds to a directory's size, "." and ".." included: a directory's size means
   nothing exact in a RAM file system, and Linux's tmpfs counts 20 bytes a name; programs only
   expect it not to be 0 (`test -s`). */
#define DIR_ENTRY_SIZE 20

struct dir_entry {
    struct dir_entry *next;
    uint64_t cookie;
    struct vnode *node; /* a reference */
    char name[];        /* zero-terminated */
};

/* The entry called name in dir, or NULL. */
struct dir_entry *dir_find(struct vnode *dir, const char *name);
/* The entry that names node in dir, or NULL (getcwd: a directory's name in its parent). */
struct dir_entry *dir_find_node(struct vnode *dir, const struct vnode *node);
/* Add name -> node at the end of dir, with a new reference to node: 0 or -ENOMEM. */
int dir_add(struct vnode *dir, const char *name, struct vnode *node);
/* Take e off dir: the vnode it named, whose reference the caller drops, after the tree lock. */
struct vnode *dir_remove(struct vnode *dir, struct dir_entry *e);
bool dir_is_empty(const struct vnode *dir);
/* Drop every entry of a directory being freed (not under the tree lock). */
void dir_drop_entries(struct vnode *dir);

/* What readdir tells of an entry. */
struct dir_item {
    const char *name;
    uint64_t ino;
    enum vnode_type type;
    uint64_t next; /* the cookie to resume at after this entry */
};

/* Tell emit the entries of dir from cookie on (".", "..", then the list), until it answers false
   (no room left) or the list ends: the cookie to resume at. Takes the tree lock itself; emit must
   not take it. */
uint64_t dir_read(struct vnode *dir, uint64_t cookie,
                  bool (*emit)(void *ctx, const struct dir_item *item), void *ctx);

#endif
