/*: # riscv64: Sv39 page tables

Sv39 translates a 39-bit virtual address through three levels of tables, each one 4 KiB page of 512
eight-byte entries (the entry format is in boot.S). The address splits into three 9-bit indexes and
the 12-bit offset in the page:

    38        30 29        21 20        12 11            0
    | VPN[2]    | VPN[1]    | VPN[0]    | page offset    |

`VPN[2]` picks an entry in the root table (the one `satp` names), which points to a second-level
table; `VPN[1]` an entry there, pointing to a third-level table; `VPN[0]` the entry for the page
itself, a *leaf* (one with R, W or X set). A leaf may also sit higher up, for a 2 MiB or 1 GiB page,
which is how the kernel's direct map is made; user pages here are always 4 KiB leaves at the third
level.

A `struct hal_pt` *is* the root table, a page from the frame allocator seen through the direct map.
Its upper half (entries 256..511) is copied from the boot table when it is created: the kernel's
gigapages, the same in every address space and never changed afterwards, so the copies never go
stale. (Once, at boot, before any address space exists, the gigapage that holds the kernel's image
is split to take out the guard pages of the kernel stacks: see the end of this file.) The lower half
is the user's: a table there is freed once an unmap leaves it empty, and all of them when the table
is destroyed.

How HAL permissions become PTE bits: read is R, write is W and R (Sv39 reserves W without R),
execute is X, user is U. A page mapped with no permission at all must still count as mapped (a guard
page); since an entry with V set and R, W, X clear would mean "next table", it is written with V
clear and the software bit `MAPPED` set. Every leaf has A and D set in advance, so the hardware
never has to fault or write back to track them.

The hart caches translations in its TLB, which must forget an entry once it changes: after a change
to the table, and before the table is freed. What that takes depends on how many harts may hold the
table (tlb.c); this file says only which table and which range. */
#include "kernel/frame.h"
#include "kernel/panic.h"
#include "metal.h"
#include "riscv.h"

#define ENTRIES 512
#define PTE_V 0x001ul
#define PTE_R 0x002ul
#define PTE_W 0x004ul
#define PTE_X 0x008ul
#define PTE_U 0x010ul
#define PTE_A 0x040ul
#define PTE_D 0x080ul
#define PTE_MAPPED 0x100ul /* a software bit: this leaf is a mapping, even with V clear */
#define PTE_PPN_SHIFT 10

struct hal_pt {
    uint64_t entry[ENTRIES];
};

static paddr_t entry_pa(uint64_t e)
{
    return (e >> PTE_PPN_SHIFT) << PAGE_SHIFT;
}

static uint64_t *table_at(paddr_t pa)
{
    return phys_to_virt(pa);
}

static unsigned index_at(vaddr_t va, int level)
{
    return (va >> (PAGE_SHIFT + 9 * level)) & (ENTRIES - 1);
}

/* The leaf entry for va under root, creating the tables on the way if create is set; NULL if a
   table is missing (or memory for one ran out). */
static uint64_t *walk(uint64_t *root, vaddr_t va, bool create)
{
    uint64_t *table = root;
    for (int level = 2; level > 0; level--) {
        uint64_t *e = &table[index_at(va, level)];
        if (!(*e & PTE_V)) {
            paddr_t pa = create ? frame_alloc() : 0;
            if (!pa)
                return NULL;
            *e = (pa >> PAGE_SHIFT) << PTE_PPN_SHIFT | PTE_V;
        }
        table = table_at(entry_pa(*e));
    }
    return &table[index_at(va, 0)];
}

static uint64_t leaf_bits(unsigned flags)
{
    uint64_t e = PTE_MAPPED | PTE_A | PTE_D;
    e |= flags & HAL_MMU_READ ? PTE_R : 0;
    e |= flags & HAL_MMU_WRITE ? PTE_R | PTE_W : 0;
    e |= flags & HAL_MMU_EXEC ? PTE_X : 0;
    e |= flags & HAL_MMU_USER ? PTE_U : 0;
    return e & (PTE_R | PTE_W | PTE_X) ? e | PTE_V : e;
}

static unsigned leaf_flags(uint64_t e)
{
    return (e & PTE_R ? HAL_MMU_READ : 0) | (e & PTE_W ? HAL_MMU_WRITE : 0) |
           (e & PTE_X ? HAL_MMU_EXEC : 0) | (e & PTE_U ? HAL_MMU_USER : 0);
}

static paddr_t root_pa(struct hal_pt *pt)
{
    return virt_to_phys(pt);
}

static bool valid_range(vaddr_t va, size_t len)
{
    return va % PAGE_SIZE == 0 && len % PAGE_SIZE == 0 && len > 0 && va >= HAL_USER_BASE &&
           va < HAL_USER_END && len <= HAL_USER_END - va;
}

struct hal_pt *hal_pt_create(void)
{
    paddr_t pa = frame_alloc();
    if (!pa)
        return NULL;
    struct hal_pt *pt = phys_to_virt(pa);
    for (int i = ENTRIES / 2; i < ENTRIES; i++)
        pt->entry[i] = boot_pt.entry[i];
    return pt;
}

void hal_pt_activate(struct hal_pt *pt)
{
    riscv_tlb_load(root_pa(pt));
}

void hal_pt_destroy(struct hal_pt *pt)
{
    riscv_tlb_forget(root_pa(pt));
    for (int i = 0; i < ENTRIES / 2; i++) {
        if (!(pt->entry[i] & PTE_V))
            continue;
        uint64_t *middle = table_at(entry_pa(pt->entry[i]));
        for (int j = 0; j < ENTRIES; j++)
            if (middle[j] & PTE_V)
                frame_free(entry_pa(middle[j]));
        frame_free(entry_pa(pt->entry[i]));
    }
    frame_free(root_pa(pt));
}

int hal_pt_map(struct hal_pt *pt, vaddr_t va, paddr_t pa, size_t len, unsigned flags)
{
    if (!valid_range(va, len) || pa % PAGE_SIZE)
        return HAL_EINVAL;
    for (size_t off = 0; off < len; off += PAGE_SIZE) {
        uint64_t *e = walk(pt->entry, va + off, false);
        if (e && *e)
            return HAL_EEXIST;
    }
    for (size_t off = 0; off < len; off += PAGE_SIZE) {
        uint64_t *e = walk(pt->entry, va + off, true);
        if (!e) {
            if (off)
                hal_pt_unmap(pt, va, off); /* undo the part that was mapped */
            return HAL_ENOMEM;
        }
        *e = (pa + off) >> PAGE_SHIFT << PTE_PPN_SHIFT | leaf_bits(flags);
    }
    riscv_tlb_flush(root_pa(pt), va, len);
    return 0;
}

/* Does the table hold nothing? The look starts at the entry just cleared, from index, and goes
   both ways: a mapping is a run of entries, so a table still in use shows a neighbour at once,
   where a look from entry 0 would walk the empty entries before the run, on every unmap. */
static bool table_empty(const uint64_t *table, unsigned index)
{
    for (unsigned d = 0; d <= ENTRIES / 2; d++)
        if (table[(index + d) % ENTRIES] || table[(index - d) % ENTRIES])
            return false;
    return true;
}

/* Clear the entries that map [va, last] in table (a table of the given level, 2 for the root) and
   below it, and unlink the tables that serve only [va, last] and map nothing any more, putting them
   on the list *unlinked (threaded through their first entry, which is 0 in an empty table), to be
   freed once no TLB can lead to them. It visits only the tables that exist, as x86_64's does (a
   walk from the top for every page of a large, mostly empty range was most of the time of an
   exit). Without the unlinking, a process that maps and unmaps at ever new places (placement is
   random, vmar.c) would keep every table it ever needed until it dies. User pages are 4 KiB
   leaves, so every valid entry above the last level leads to a table. */
static void clear(uint64_t *table, int level, vaddr_t va, vaddr_t last, paddr_t *unlinked)
{
    uint64_t span = (uint64_t)PAGE_SIZE << (9 * level); /* what one entry of this table covers */
    for (vaddr_t at = va;;) {
        vaddr_t end = (at & ~(span - 1)) + span - 1;
        uint64_t *e = &table[index_at(at, level)];
        if (level == 0) {
            *e = 0;
        } else if (*e & PTE_V) {
            uint64_t *child = table_at(entry_pa(*e));
            clear(child, level - 1, at, end < last ? end : last, unlinked);
            if (table_empty(child, index_at(at, level - 1))) {
                child[0] = *unlinked;
                *unlinked = entry_pa(*e);
                *e = 0;
            }
        }
        if (end >= last)
            return;
        at = end + 1;
    }
}

int hal_pt_unmap(struct hal_pt *pt, vaddr_t va, size_t len)
{
    if (!valid_range(va, len))
        return HAL_EINVAL;
    paddr_t unlinked = 0;
    clear(pt->entry, 2, va, va + len - 1, &unlinked);
    /* `sfence.vma` for an address forgets leaf translations only: an unlinked table may still be
       cached as the way to one, which only a full fence forgets. So then every hart that may hold
       the table forgets all of it (a length past every address asks for that); then the tables
       can go. */
    riscv_tlb_flush(root_pa(pt), unlinked ? 0 : va, unlinked ? (size_t)-1 : len);
    while (unlinked) {
        paddr_t next = *table_at(unlinked);
        frame_free(unlinked);
        unlinked = next;
    }
    return 0;
}

int hal_pt_protect(struct hal_pt *pt, vaddr_t va, size_t len, unsigned flags)
{
    if (!valid_range(va, len))
        return HAL_EINVAL;
    for (size_t off = 0; off < len; off += PAGE_SIZE) {
        uint64_t *e = walk(pt->entry, va + off, false);
        if (e && (*e & PTE_MAPPED))
            *e = entry_pa(*e) >> PAGE_SHIFT << PTE_PPN_SHIFT | leaf_bits(flags);
    }
    riscv_tlb_flush(root_pa(pt), va, len);
    return 0;
}

int hal_pt_query(struct hal_pt *pt, vaddr_t va, paddr_t *pa, unsigned *flags)
{
    if (va % PAGE_SIZE || va < HAL_USER_BASE || va >= HAL_USER_END)
        return HAL_EINVAL;
    uint64_t *e = walk(pt->entry, va, false);
    if (!e || !(*e & PTE_MAPPED))
        return HAL_ENOENT;
    *pa = entry_pa(*e);
    *flags = leaf_flags(*e);
    return 0;
}

bool riscv_fetch_user_u16(vaddr_t va, uint16_t *out)
{
    if (va % 2 || va < HAL_USER_BASE || va >= HAL_USER_END)
        return false;
    uint64_t *root = table_at((csr_read(satp) & SATP_PPN) << PAGE_SHIFT);
    uint64_t *e = walk(root, va, false);
    if (!e || (*e & (PTE_V | PTE_X | PTE_U)) != (PTE_V | PTE_X | PTE_U))
        return false;
    *out = *(uint16_t *)phys_to_virt(entry_pa(*e) + va % PAGE_SIZE);
    return true;
}

/*: **Guard pages in the kernel's half.** A stack's guard page (arch/metal/metal.h) lies in the
kernel's image, which the direct map shows with one gigapage. To take one 4 KiB page out, the leaf
that maps it is split, level by level: a new table maps the same range with 512 leaves one level
down (2 MiB, then 4 KiB) and the same bits, and replaces the leaf, which maps the same memory all
the while; then the guard page's leaf is cleared, and `sfence.vma` flushes the large translations.
`metal_guard_stacks` does this before the first address space is made: each copies the root's kernel
entries, which from then on point to the split tables. */
static void split_leaf(uint64_t *e, int level)
{
    paddr_t table = frame_alloc();
    if (!table)
        panic("no frame to split the kernel's page at %lx", (unsigned long)entry_pa(*e));
    uint64_t *t = table_at(table);
    uint64_t bits = *e & ((1ul << PTE_PPN_SHIFT) - 1);
    size_t step = (size_t)1 << (PAGE_SHIFT + 9 * (level - 1));
    for (int i = 0; i < ENTRIES; i++)
        t[i] = (entry_pa(*e) + i * step) >> PAGE_SHIFT << PTE_PPN_SHIFT | bits;
    *e = table >> PAGE_SHIFT << PTE_PPN_SHIFT | PTE_V;
}

/* The kernel's entry for va: its 4 KiB leaf, splitting larger leaves on the way if split is set, or
   the larger leaf itself; NULL if nothing maps va. */
static uint64_t *kernel_entry(uint64_t va, bool split)
{
    uint64_t *table = boot_pt.entry;
    for (int level = 2; level > 0; level--) {
        uint64_t *e = &table[index_at(va, level)];
        if (!(*e & PTE_V))
            return NULL;
        if (*e & (PTE_R | PTE_W | PTE_X)) {
            if (!split)
                return e;
            split_leaf(e, level);
        }
        table = table_at(entry_pa(*e));
    }
    return &table[index_at(va, 0)];
}

void metal_unmap_kernel_page(uint64_t va)
{
    uint64_t *e = kernel_entry(va, true);
    kassert(e != NULL);
    *e = 0;
    __asm__ volatile("sfence.vma" ::: "memory");
}

bool metal_kernel_page_mapped(uint64_t va)
{
    uint64_t *e = kernel_entry(va, false);
    return e && (*e & PTE_V);
}
