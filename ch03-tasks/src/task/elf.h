/*: # Loading an ELF program

The loader reads the file and decides what goes where; an *ELF target* puts it there. Chapter 3's
target is a `struct uspace`, fresh frames mapped straight into the page table (`elf_load`); chapter
4's puts each segment in a VMO mapped into the process's root VMAR (vm/process_space.c). The checks
of the file, and the labs, are the loader's, and the same for both. */
#ifndef ZINC_ELF_H
#define ZINC_ELF_H

#include "kernel/uspace.h"
#include "zircon/errors.h"
#include "zircon/types.h"

/* Where a program goes. Each call returns ZX_OK or the error that stops the load. */
struct elf_target {
    /* Make [va, va + len), page-aligned, into zeroed memory that write can fill. */
    zx_status_t (*map_new)(void *ctx, vaddr_t va, size_t len);
    /* Copy len bytes to va, inside memory that map_new made. */
    zx_status_t (*write)(void *ctx, vaddr_t va, const void *src, size_t len);
    /* Give [va, va + len) its final permissions (HAL_MMU_READ, _WRITE, _EXEC), for the user. */
    zx_status_t (*protect)(void *ctx, vaddr_t va, size_t len, unsigned flags);
};

/* Load the static ELF executable file[0..size) through target t; *entry receives its entry
   point. */
zx_status_t elf_load_into(const struct elf_target *t, void *ctx, const uint8_t *file, size_t size,
                          vaddr_t *entry);

/* The same into us, chapter 3's way: fresh frames in its page table. */
zx_status_t elf_load(struct uspace *us, const uint8_t *file, size_t size, vaddr_t *entry);

#endif
