/*: # Loading an ELF program

The programs of the boot filesystem are static ELF executables. Loading one means copying each loadable
segment (`PT_LOAD`) to its address in the new address space, with the permissions its flags ask for, and
zero-filling what the file does not cover (`.bss`). Everything the file says is checked before use: a
malformed file is `ZX_ERR_NOT_SUPPORTED` (not an ELF for this machine) or `ZX_ERR_INVALID_ARGS` (a header
or segment that points outside the file or outside user space), never a crash. */
#include "task/elf.h"

#include <string.h>

#include "hal/hal.h"
#include "task/elf_format.h"

#define MAX_SEGMENTS 8

static zx_status_t check(const uint8_t *file, size_t size, const struct elf_header **out)
{
    /* LAB ch03-elf-header BEGIN: accept only a file this kernel can run, and only a program header table
       that lies inside the file: ZX_ERR_NOT_SUPPORTED unless the file is long enough for the header and
       says ELF, 64-bit, little-endian, an executable (ET_EXEC) for HAL_ELF_MACHINE; ZX_ERR_INVALID_ARGS
       unless its entries have our struct's size, are at most MAX_SEGMENTS, and all lie within the file.
       stub:
    const struct elf_header *h = (const void *)file;
    if (size < sizeof *h || memcmp(h->ident, "\x7f" "ELF", 4))
        return ZX_ERR_NOT_SUPPORTED;
    *out = h;
    return ZX_OK;
    */
    const struct elf_header *h = (const void *)file;
    if (size < sizeof *h || memcmp(h->ident, "\x7f" "ELF", 4) || h->ident[4] != 2 /* 64-bit */ ||
        h->ident[5] != 1 /* little-endian */ || h->type != ET_EXEC || h->machine != HAL_ELF_MACHINE)
        return ZX_ERR_NOT_SUPPORTED;
    if (h->phentsize != sizeof(struct elf_segment) || h->phnum > MAX_SEGMENTS || h->phoff > size ||
        (size_t)h->phnum * sizeof(struct elf_segment) > size - h->phoff)
        return ZX_ERR_INVALID_ARGS;
    *out = h;
    return ZX_OK;
    /* LAB END */
}

/* LAB ch03-elf-segment BEGIN: check the segment (its bytes lie inside the file, filesz <= memsz, and all of
   vaddr .. vaddr + memsz lies in user space, without overflow: ZX_ERR_INVALID_ARGS otherwise), load it,
   then give its pages the permissions its flags ask for, and no others.
   stub:
static zx_status_t load_segment(struct uspace *us, const uint8_t *file, size_t size, const struct elf_segment *s)
{
    vaddr_t start = PAGE_ROUND_DOWN(s->vaddr), end = PAGE_ROUND_UP(s->vaddr + s->memsz);
    if (uspace_map_new(us, start, end - start, HAL_MMU_READ | HAL_MMU_WRITE | HAL_MMU_EXEC))
        return ZX_ERR_NO_MEMORY;
    uspace_write(us, s->vaddr, file + s->offset, s->filesz);
    return ZX_OK;
}
*/
static unsigned mmu_flags(uint32_t elf_flags)
{
    return (elf_flags & PF_R ? HAL_MMU_READ : 0) | (elf_flags & PF_W ? HAL_MMU_WRITE : 0) |
           (elf_flags & PF_X ? HAL_MMU_EXEC : 0);
}

static zx_status_t load_segment(struct uspace *us, const uint8_t *file, size_t size, const struct elf_segment *s)
{
    if (s->filesz > s->memsz || s->offset > size || s->filesz > size - s->offset || s->vaddr < HAL_USER_BASE ||
        s->memsz > HAL_USER_END - s->vaddr)
        return ZX_ERR_INVALID_ARGS;
    vaddr_t start = PAGE_ROUND_DOWN(s->vaddr), end = PAGE_ROUND_UP(s->vaddr + s->memsz);
    /* Map writable first, to copy; then set the segment's own permissions. */
    if (uspace_map_new(us, start, end - start, HAL_MMU_READ | HAL_MMU_WRITE))
        return ZX_ERR_NO_MEMORY;
    if (uspace_write(us, s->vaddr, file + s->offset, s->filesz))
        return ZX_ERR_INVALID_ARGS;
    hal_pt_protect(us->pt, start, end - start, mmu_flags(s->flags) | HAL_MMU_USER);
    return ZX_OK;
}
/* LAB END */

zx_status_t elf_load(struct uspace *us, const uint8_t *file, size_t size, vaddr_t *entry)
{
    const struct elf_header *h;
    zx_status_t status = check(file, size, &h);
    for (unsigned i = 0; status == ZX_OK && i < h->phnum; i++) {
        const struct elf_segment *s = (const void *)(file + h->phoff + i * sizeof *s);
        if (s->type == PT_LOAD && s->memsz)
            status = load_segment(us, file, size, s);
    }
    if (status == ZX_OK)
        *entry = h->entry;
    return status;
}
