/*: # Which frames hold a VMO's pages, implemented */
#include "vm/page_tree.h"

#include "kernel/kmalloc.h"

#define SLOTS (1u << PAGE_TREE_BITS)

struct node {
    void *slot[SLOTS];
};

static unsigned slot_of(uint64_t index, int level)
{
    return (index >> (PAGE_TREE_BITS * (PAGE_TREE_LEVELS - 1 - level))) & (SLOTS - 1);
}

/* How many levels a tree needs to hold index. */
static int height_for(uint64_t index)
{
    int height = 1;
    while (height < PAGE_TREE_LEVELS && index >> (PAGE_TREE_BITS * height))
        height++;
    return height;
}

/* Make t tall enough for index: each new root has the old one as its first slot. */
static bool grow(struct page_tree *t, uint64_t index)
{
    int need = height_for(index);
    if (!t->root)
        t->height = need;
    while (t->height < need) {
        struct node *top = kzalloc(sizeof *top);
        if (!top)
            return false;
        top->slot[0] = t->root;
        t->root = top;
        t->height++;
    }
    return true;
}

/* The leaf slot for index; NULL if absent and create is false, or if memory ran out. */
static void **leaf(struct page_tree *t, uint64_t index, bool create)
{
    if (height_for(index) > t->height && (!create || !grow(t, index)))
        return NULL;
    void **slot = &t->root;
    for (int level = PAGE_TREE_LEVELS - t->height; level < PAGE_TREE_LEVELS; level++) {
        if (!*slot) {
            if (!create)
                return NULL;
            if (!(*slot = kzalloc(sizeof(struct node))))
                return NULL;
        }
        slot = &((struct node *)*slot)->slot[slot_of(index, level)];
    }
    return slot;
}

struct page_ref *page_tree_get(struct page_tree *t, uint64_t index)
{
    void **slot = index < VMO_MAX_PAGES ? leaf(t, index, false) : NULL;
    return slot ? *slot : NULL;
}

zx_status_t page_tree_set(struct page_tree *t, uint64_t index, struct page_ref *ref)
{
    void **slot = leaf(t, index, ref != NULL);
    if (slot)
        *slot = ref;
    return slot || !ref ? ZX_OK : ZX_ERR_NO_MEMORY;
}

static void each(void *n, int level, uint64_t base, uint64_t first, uint64_t end,
                 void (*fn)(uint64_t, struct page_ref *, void *), void *arg)
{
    uint64_t span = (uint64_t)1 << (PAGE_TREE_BITS * (PAGE_TREE_LEVELS - 1 - level));
    struct node *node = n;
    for (unsigned i = 0; i < SLOTS; i++) {
        uint64_t lo = base + i * span;
        if (!node->slot[i] || lo >= end || lo + span <= first)
            continue;
        if (level == PAGE_TREE_LEVELS - 1)
            fn(lo, node->slot[i], arg);
        else
            each(node->slot[i], level + 1, lo, first, end, fn, arg);
    }
}

void page_tree_each(struct page_tree *t, uint64_t first, uint64_t end,
                    void (*fn)(uint64_t index, struct page_ref *ref, void *arg), void *arg)
{
    if (t->root)
        each(t->root, PAGE_TREE_LEVELS - t->height, 0, first, end, fn, arg);
}

static void free_nodes(void *n, int level)
{
    struct node *node = n;
    for (unsigned i = 0; level < PAGE_TREE_LEVELS - 1 && i < SLOTS; i++)
        if (node->slot[i])
            free_nodes(node->slot[i], level + 1);
    kfree(node);
}

void page_tree_free(struct page_tree *t)
{
    if (t->root)
        free_nodes(t->root, PAGE_TREE_LEVELS - t->height);
    t->root = NULL;
    t->height = 0;
}
