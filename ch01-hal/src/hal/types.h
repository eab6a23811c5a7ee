/*: # Basic types

Addresses get their own names so that a reader always knows which address space a number lives in: a
`paddr_t` is a physical address (an offset into the machine's RAM), a `vaddr_t` is an address that
some page table translates. The HAL also says which virtual addresses belong to user programs
(`HAL_USER_BASE` to `HAL_USER_END`, from the architecture's `hal_arch.h`). */
#ifndef ZINC_HAL_TYPES_H
#define ZINC_HAL_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t paddr_t;
typedef uint64_t vaddr_t;

#define PAGE_SHIFT 12
#define PAGE_SIZE ((size_t)1 << PAGE_SHIFT)
#define PAGE_ROUND_DOWN(a) ((a) & ~(uint64_t)(PAGE_SIZE - 1))
#define PAGE_ROUND_UP(a) PAGE_ROUND_DOWN((a) + PAGE_SIZE - 1)

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define NORETURN __attribute__((noreturn))

#include "hal_arch.h"

#endif
