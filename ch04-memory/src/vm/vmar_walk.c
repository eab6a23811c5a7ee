/*: # Walking a VMAR tree, implemented

The walk is a loop, not a recursion: user programs choose how deeply VMARs nest, and a kernel stack
is small. Going down is following an entry's child; coming back up is the child's `parent`, and
finding the entry that led down (a search of the parent's short list) to go on with the next one. */
#include "vm/vmar_walk.h"

zx_status_t vmar_walk(struct vmar *top, void (*visit)(const struct vmar_node *node, void *arg),
                      void *arg)
{
    hal_lock_acquire(&top->space->lock);
    if (top->dead) {
        hal_lock_release(&top->space->lock);
        return ZX_ERR_BAD_STATE;
    }
    struct vmar *v = top;
    struct vmar_entry *e = top->entries;
    size_t depth = 1;
    for (;;) {
        while (e) {
            struct vmar_node node = {depth, e->base, e->size, e->child, e->mapping};
            visit(&node, arg);
            if (e->child) { /* down */
                v = e->child;
                e = v->entries;
                depth++;
            } else {
                e = e->next;
            }
        }
        if (v == top)
            break;
        struct vmar *parent = v->parent; /* up: on after the entry of v */
        for (e = parent->entries; e->child != v; e = e->next)
            ;
        e = e->next;
        v = parent;
        depth--;
    }
    hal_lock_release(&top->space->lock);
    return ZX_OK;
}
