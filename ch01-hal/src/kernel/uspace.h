/*: # A user address space, the simple way

Chapter 1 needs just enough of an address space to run a program: a page table, a few regions of
freshly allocated frames mapped into it, and a way to copy bytes in and out. Chapter 4 puts VMOs and
VMARs over the page table instead (and keeps only the page table of this); until then
`struct uspace` remembers its regions so that it can give their frames back.

`uspace_read` and `uspace_write` copy through the page table (`hal_pt_query`, then the frame), which
works whether or not the table is the active one and never faults: an unmapped or forbidden user
page gives -1. */
#ifndef ZINC_USPACE_H
#define ZINC_USPACE_H

#include "hal/hal.h"

#define USPACE_MAX_REGIONS 8
#define USER_STACK_TOP 0x7ff00000ul
#define USER_STACK_SIZE (64 * 1024ul)

struct uspace {
    struct hal_pt *pt;
    struct {
        vaddr_t va;
        size_t len;
    } regions[USPACE_MAX_REGIONS];
    int nregions;
};

/* 0, or HAL_ENOMEM. */
int uspace_create(struct uspace *us);
void uspace_destroy(struct uspace *us);

/* Map len bytes (a multiple of the page size) of new zeroed frames at va with flags (HAL_MMU_*). */
int uspace_map_new(struct uspace *us, vaddr_t va, size_t len, unsigned flags);

/* Map the packed program called name at USER_PROGRAM_BASE (read, execute) and a stack below
   USER_STACK_TOP (read, write); set ctx to start it. 0, HAL_ENOENT for no such program, or
   HAL_ENOMEM. */
int uspace_load_program(struct uspace *us, const char *name, struct hal_context *ctx);

int uspace_read(struct uspace *us, vaddr_t va, void *buf, size_t len);
int uspace_write(struct uspace *us, vaddr_t va, const void *buf, size_t len);

#endif
