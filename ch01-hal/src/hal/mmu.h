/*: # Page tables

A page table translates the user part of an address space (`HAL_USER_BASE` .. `HAL_USER_END`) one 4
KiB page at a time onto physical frames. The kernel's own half is the same in every page table and
is not the caller's business. All functions return 0 or a negative `HAL_E*` code:

- `hal_pt_map` fails with `HAL_EEXIST` if a page in the range is already mapped, `HAL_EINVAL` for an
  unaligned or non-user range, `HAL_ENOMEM` if no frame is left for the table itself;
- `hal_pt_unmap` and `hal_pt_protect` apply to the pages of the range that are mapped and skip
  holes;
- `hal_pt_query` returns `HAL_ENOENT` for an unmapped page.

`hal_pt_activate` makes a table the current one on this CPU. Frames stay owned by the caller:
destroying a table frees only the table's own memory. */
#ifndef ZINC_HAL_MMU_H
#define ZINC_HAL_MMU_H

#include "hal/types.h"

#define HAL_MMU_READ 0x1u
#define HAL_MMU_WRITE 0x2u
#define HAL_MMU_EXEC 0x4u
#define HAL_MMU_USER 0x8u

#define HAL_EINVAL (-1)
#define HAL_ENOMEM (-2)
#define HAL_EEXIST (-3)
#define HAL_ENOENT (-4)

struct hal_pt;

struct hal_pt *hal_pt_create(void);
void hal_pt_destroy(struct hal_pt *pt);
int hal_pt_map(struct hal_pt *pt, vaddr_t va, paddr_t pa, size_t len, unsigned flags);
int hal_pt_unmap(struct hal_pt *pt, vaddr_t va, size_t len);
int hal_pt_protect(struct hal_pt *pt, vaddr_t va, size_t len, unsigned flags);
int hal_pt_query(struct hal_pt *pt, vaddr_t va, paddr_t *pa, unsigned *flags);
void hal_pt_activate(struct hal_pt *pt);

#endif
