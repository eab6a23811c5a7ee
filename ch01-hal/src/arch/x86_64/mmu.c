/*: # x86_64: page tables

An x86_64 page table is a four-level radix tree of 4 KiB tables, 512 entries of 8 bytes each. A
virtual address's bits 47..39 index the top table (the PML4), 38..30 the next (the PDPT), 29..21 the
page directory, 20..12 the page table, whose entry gives the frame; bits 11..0 are the offset in the
page. An entry holds a physical address and these flags:

| bit | name  | meaning                                                                   |
|-----|-------|---------------------------------------------------------------------------|
| 0   | P     | present: without it the CPU ignores the rest of the entry                 |
| 1   | W     | writable                                                                  |
| 2   | U     | user: user mode may touch the page (needed at every level of the walk)     |
| 3,4 | PWT, PCD | write-through, cache disable: for device registers                     |
| 7   | PS    | in a directory entry: a 2 MiB page, no page table below                   |
| 63  | NX    | no execute (honoured because boot.S set `EFER.NXE`)                       |

Bits 9..11 and 52..58 are the software's. Zinc keeps in them what `hal_pt_map` was asked for: a
*mapped* bit, and the `HAL_MMU_*` flags themselves, so that `hal_pt_query` answers exactly what was
mapped (x86 has no separate read permission: a present page is readable) and a page mapped with no
access at all is still recorded, though not present.

**The kernel's half.** Entries 256..511 of every PML4 are the kernel's: the direct map (entry 256,
all of physical memory at `DIRECT_MAP`, in 2 MiB pages) and the kernel image (entry 511).
`x86_mmu_init` builds them once in the boot PML4, which stays the kernel's own table;
`hal_pt_create` copies those 256 entries into each new table. They point to the same lower tables,
so every address space sees one kernel. The lower half is the user's, in 4 KiB pages.

**The TLB** caches translations: a change that removes or narrows entries is followed by
`x86_tlb_flush`, and a table is freed only after `x86_tlb_forget` (tlb.c). */
#include <string.h>

#include "kernel/frame.h"
#include "kernel/panic.h"
#include "metal.h"
#include "x86_64.h"

#define ENTRIES 512
#define PTE_P (1ul << 0)
#define PTE_W (1ul << 1)
#define PTE_U (1ul << 2)
#define PTE_PWT (1ul << 3)
#define PTE_PCD (1ul << 4)
#define PTE_PS (1ul << 7)
#define PTE_MAPPED (1ul << 9)
#define PTE_SW_SHIFT 52
#define PTE_SW_FLAGS (0xful << PTE_SW_SHIFT)
#define PTE_NX (1ul << 63)
#define PTE_ADDR 0x000ffffffffff000ul
#define KERNEL_HALF 256
#define GIB (1ul << 30)
#define MIB2 (1ul << 21)
#define PHYS_LIMIT (1ul << 52) /* the widest physical address x86_64 page tables can hold */

struct hal_pt {
    uint64_t entry[ENTRIES]; /* the PML4 itself, seen through the direct map */
};

extern uint64_t boot_pml4[ENTRIES], boot_pdpt[ENTRIES]; /* boot.S */
static struct hal_lock mmu_lock = HAL_LOCK_INIT;
uint64_t x86_direct_map_size;

static bool overlaps_ram(paddr_t start, paddr_t end)
{
    for (int i = 0; i < x86_ram_count; i++)
        if (x86_ram[i].base < end && x86_ram[i].base + x86_ram[i].size > start)
            return true;
    return false;
}

/* Build the direct map from tables taken at free_from (through the boot mapping of the first
   GiB), then drop the identity map that boot.S needed. Returns the end of the memory taken. */
paddr_t x86_mmu_init(paddr_t free_from)
{
    paddr_t top = 4 * GIB; /* at least the 32-bit space, where the PC's device registers live */
    for (int i = 0; i < x86_ram_count; i++)
        if (x86_ram[i].base + x86_ram[i].size > top)
            top = x86_ram[i].base + x86_ram[i].size;
    top = (top + GIB - 1) & ~(GIB - 1);
    if (top > ENTRIES * GIB)
        panic("more than 512 GiB of physical address space");
    if (free_from + (1 + top / GIB) * PAGE_SIZE > GIB)
        panic("the kernel image leaves no room for the direct map below 1 GiB");

    uint64_t *pdpt = (uint64_t *)(KERNEL_VMA + free_from);
    paddr_t next = free_from + PAGE_SIZE;
    memset(pdpt, 0, PAGE_SIZE);
    for (paddr_t gib = 0; gib < top; gib += GIB) {
        uint64_t *pd = (uint64_t *)(KERNEL_VMA + next);
        pdpt[gib / GIB] = next | PTE_P | PTE_W;
        next += PAGE_SIZE;
        for (int i = 0; i < ENTRIES; i++) {
            paddr_t pa = gib + i * MIB2;
            bool device = !overlaps_ram(pa, pa + MIB2);
            pd[i] = pa | PTE_P | PTE_W | PTE_PS | PTE_NX | (device ? PTE_PCD | PTE_PWT : 0);
        }
    }
    x86_direct_map_size = top;
    boot_pml4[KERNEL_HALF] = free_from | PTE_P | PTE_W;
    boot_pml4[0] = 0;
    boot_pdpt[0] = 0;
    WRITE_CR(3, (uint64_t)boot_pml4 - KERNEL_VMA);
    return next;
}

static paddr_t pa_of(const void *p)
{
    return (uint64_t)p - DIRECT_MAP;
}

static uint64_t *table_of(uint64_t entry)
{
    return hal_pmem_ptr(entry & PTE_ADDR);
}

static bool is_active(struct hal_pt *pt)
{
    return (READ_CR(3) & PTE_ADDR) == pa_of(pt);
}

/* The index of va in the table of a level: 3 is the PML4, 0 the page table. */
static unsigned index_at(vaddr_t va, int level)
{
    return (va >> (PAGE_SHIFT + 9 * level)) & (ENTRIES - 1);
}

/* The page-table entry for va, creating the tables on the way if create is set; NULL if a table is
   missing (or no frame was left to make one). Tables above the leaf allow everything: the leaf
   decides. */
static uint64_t *walk(struct hal_pt *pt, vaddr_t va, bool create)
{
    uint64_t *table = pt->entry;
    for (int level = 3; level > 0; level--) {
        uint64_t *e = &table[index_at(va, level)];
        if (!(*e & PTE_P)) {
            paddr_t frame = create ? frame_alloc() : 0;
            if (!frame)
                return NULL;
            *e = frame | PTE_P | PTE_W | PTE_U;
        }
        table = table_of(*e);
    }
    return &table[index_at(va, 0)];
}

static uint64_t make_pte(paddr_t pa, unsigned flags)
{
    uint64_t e = pa | PTE_MAPPED | (uint64_t)(flags & 0xf) << PTE_SW_SHIFT;
    if (flags & (HAL_MMU_READ | HAL_MMU_WRITE | HAL_MMU_EXEC))
        e |= PTE_P;
    if (flags & HAL_MMU_WRITE)
        e |= PTE_W;
    if (flags & HAL_MMU_USER)
        e |= PTE_U;
    if (!(flags & HAL_MMU_EXEC))
        e |= PTE_NX;
    return e;
}

static bool valid_range(vaddr_t va, size_t len)
{
    return va % PAGE_SIZE == 0 && len % PAGE_SIZE == 0 && len > 0 && va >= HAL_USER_BASE &&
           va < HAL_USER_END && len <= HAL_USER_END - va;
}

struct hal_pt *hal_pt_create(void)
{
    paddr_t frame = frame_alloc();
    if (!frame)
        return NULL;
    struct hal_pt *pt = hal_pmem_ptr(frame);
    for (int i = KERNEL_HALF; i < ENTRIES; i++)
        pt->entry[i] = boot_pml4[i];
    return pt;
}

static void free_tables(uint64_t *table, int level)
{
    for (int i = 0; i < ENTRIES; i++) {
        if (!(table[i] & PTE_P))
            continue;
        if (level > 1)
            free_tables(table_of(table[i]), level - 1);
        frame_free(table[i] & PTE_ADDR);
    }
}

void hal_pt_destroy(struct hal_pt *pt)
{
    x86_tlb_forget(pa_of(pt));
    hal_lock_acquire(&mmu_lock);
    for (int i = 0; i < KERNEL_HALF; i++) {
        if (!(pt->entry[i] & PTE_P))
            continue;
        free_tables(table_of(pt->entry[i]), 2);
        frame_free(pt->entry[i] & PTE_ADDR);
    }
    hal_lock_release(&mmu_lock);
    frame_free(pa_of(pt));
}

int hal_pt_map(struct hal_pt *pt, vaddr_t va, paddr_t pa, size_t len, unsigned flags)
{
    if (!valid_range(va, len) || pa % PAGE_SIZE || pa >= PHYS_LIMIT || len > PHYS_LIMIT - pa)
        return HAL_EINVAL;
    int err = 0;
    hal_lock_acquire(&mmu_lock);
    for (size_t off = 0; off < len; off += PAGE_SIZE) {
        uint64_t *e = walk(pt, va + off, false);
        if (e && (*e & PTE_MAPPED)) {
            err = HAL_EEXIST;
            goto out;
        }
    }
    for (size_t off = 0; off < len; off += PAGE_SIZE) {
        uint64_t *e = walk(pt, va + off, true);
        if (!e) {
            hal_lock_release(&mmu_lock);
            if (off)
                hal_pt_unmap(pt, va, off); /* undo the part that was mapped */
            return HAL_ENOMEM;
        }
        *e = make_pte(pa + off, flags); /* a new mapping: no stale translation to flush */
    }
out:
    hal_lock_release(&mmu_lock);
    return err;
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

/* Clear the entries that map [va, last] in table (a table of the given level) and below it,
   noting in *changed whether one was present, and unlink the tables that serve only [va, last] and
   map nothing any more, putting them on the list *unlinked (threaded through their first entry,
   which is 0 in an empty table), to be freed once no TLB can lead to them. It visits only the
   tables that exist: a walk from the top for every page of a large range that is mostly empty (a
   stack's reservation, say) was most of the time of an exit or an exec. Without the unlinking, a
   process that maps and unmaps at ever new places (placement is random, vmar.c) would keep every
   table it ever needed until it dies. */
static void clear(uint64_t *table, int level, vaddr_t va, vaddr_t last, bool *changed,
                  paddr_t *unlinked)
{
    uint64_t span = (uint64_t)PAGE_SIZE << (9 * level); /* what one entry of this table covers */
    for (vaddr_t at = va;;) {
        vaddr_t end = (at & ~(span - 1)) + span - 1;
        uint64_t *e = &table[index_at(at, level)];
        if (level == 0) {
            *changed |= (*e & PTE_P) != 0; /* an absent entry is in no TLB */
            *e = 0;
        } else if (*e & PTE_P) {
            uint64_t *child = table_of(*e);
            clear(child, level - 1, at, end < last ? end : last, changed, unlinked);
            if (table_empty(child, index_at(at, level - 1))) {
                child[0] = *unlinked;
                *unlinked = *e & PTE_ADDR;
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
    hal_lock_acquire(&mmu_lock);
    bool changed = false;
    paddr_t unlinked = 0;
    clear(pt->entry, 3, va, va + len - 1, &changed, &unlinked);
    hal_lock_release(&mmu_lock);
    /* A CPU may also cache the entries that led to a table (its paging-structure caches); the
       flush drops those too (invlpg drops them all, as a cr3 reload does). Then the tables go. */
    if (changed || unlinked)
        x86_tlb_flush(pa_of(pt), va, len);
    while (unlinked) {
        paddr_t next = *(paddr_t *)hal_pmem_ptr(unlinked);
        frame_free(unlinked);
        unlinked = next;
    }
    return 0;
}

int hal_pt_protect(struct hal_pt *pt, vaddr_t va, size_t len, unsigned flags)
{
    if (!valid_range(va, len))
        return HAL_EINVAL;
    hal_lock_acquire(&mmu_lock);
    bool changed = false;
    for (size_t off = 0; off < len; off += PAGE_SIZE) {
        uint64_t *e = walk(pt, va + off, false);
        if (e && (*e & PTE_MAPPED)) {
            changed |= (*e & PTE_P) != 0;
            *e = make_pte(*e & PTE_ADDR, flags);
        }
    }
    hal_lock_release(&mmu_lock);
    if (changed)
        x86_tlb_flush(pa_of(pt), va, len);
    return 0;
}

int hal_pt_query(struct hal_pt *pt, vaddr_t va, paddr_t *pa, unsigned *flags)
{
    if (va % PAGE_SIZE || va < HAL_USER_BASE || va >= HAL_USER_END)
        return HAL_EINVAL;
    hal_lock_acquire(&mmu_lock);
    uint64_t *e = walk(pt, va, false);
    uint64_t entry = e ? *e : 0;
    hal_lock_release(&mmu_lock);
    if (!(entry & PTE_MAPPED))
        return HAL_ENOENT;
    *pa = entry & PTE_ADDR;
    *flags = (entry & PTE_SW_FLAGS) >> PTE_SW_SHIFT;
    return 0;
}

void hal_pt_activate(struct hal_pt *pt)
{
    if (!is_active(pt))
        WRITE_CR(3, pa_of(pt));
}

/*: **Guard pages in the kernel's half.** The kernel image is mapped with 2 MiB pages, and a stack's
guard page (arch/metal/metal.h) is one 4 KiB page among them. To take it out, the 2 MiB page that
holds it is split: a new page table maps the same 2 MiB with 512 small pages and the same
permissions, and replaces the large page in the directory; then the guard page's entry is cleared.
Every address space shares the kernel's directories, so all of them see the change, and reloading
`cr3` drops the large page from the TLB. */
static void split_large_page(uint64_t *e)
{
    paddr_t frame = frame_alloc();
    if (!frame)
        panic("no frame to split the kernel's page at %lx", (unsigned long)(*e & PTE_ADDR));
    uint64_t *table = hal_pmem_ptr(frame);
    uint64_t flags = (*e & (PAGE_SIZE - 1) & ~PTE_PS) | (*e & PTE_NX);
    paddr_t base = *e & PTE_ADDR & ~(MIB2 - 1);
    for (int i = 0; i < ENTRIES; i++)
        table[i] = (base + i * PAGE_SIZE) | flags;
    *e = frame | PTE_P | PTE_W;
}

/* The kernel's entry for va at level 0, splitting large pages on the way if split is set; NULL if
   nothing maps va. The caller holds mmu_lock. */
static uint64_t *kernel_entry(uint64_t va, bool split)
{
    uint64_t *table = boot_pml4;
    for (int level = 3; level > 0; level--) {
        uint64_t *e = &table[index_at(va, level)];
        if (!(*e & PTE_P))
            return NULL;
        if (*e & PTE_PS) {
            if (!split)
                return e;
            split_large_page(e);
        }
        table = table_of(*e);
    }
    return &table[index_at(va, 0)];
}

void metal_unmap_kernel_page(uint64_t va)
{
    hal_lock_acquire(&mmu_lock);
    uint64_t *e = kernel_entry(va, true);
    kassert(e != NULL);
    *e = 0;
    WRITE_CR(3, READ_CR(3));
    hal_lock_release(&mmu_lock);
}

bool metal_kernel_page_mapped(uint64_t va)
{
    hal_lock_acquire(&mmu_lock);
    uint64_t *e = kernel_entry(va, false);
    bool mapped = e && (*e & PTE_P);
    hal_lock_release(&mmu_lock);
    return mapped;
}
