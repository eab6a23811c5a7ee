/*: # Loading an ELF program

The programs of the boot filesystem are static ELF executables. Loading one means copying each
loadable segment (`PT_LOAD`) to its address in the new address space, with the permissions its flags
ask for, and zero-filling what the file does not cover (`.bss`). Everything the file says is checked
before use: a malformed file is `ZX_ERR_NOT_SUPPORTED` (not an ELF for this machine) or
`ZX_ERR_INVALID_ARGS` (a header or segment that points outside the file or outside user space),
never a crash. */
#include "task/elf.h"

#include <string.h>

#include "hal/hal.h"
#include "task/elf_format.h"

#define MAX_SEGMENTS 8

static zx_status_t check(const uint8_t *file, size_t size, const struct elf_header **out)
{
    /* LAB ch03-elf-header BEGIN: accept only a file this kernel can run, and only a program header
       table that lies inside the file: ZX_ERR_NOT_SUPPORTED unless the file is long enough for the
       header and says ELF, 64-bit, little-endian, an executable (ET_EXEC) for HAL_ELF_MACHINE;
       ZX_ERR_INVALID_ARGS unless its entries have our struct's size, are at most MAX_SEGMENTS, and
       all lie within the file.
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

/* LAB ch03-elf-segment BEGIN: check the segment (its bytes lie inside the file, filesz <= memsz,
   and all of vaddr .. vaddr + memsz lies in user space, without overflow: ZX_ERR_INVALID_ARGS
   otherwise), load it through the target, then give its pages the permissions its flags ask for,
   and no others.
   stub:
static zx_status_t load_segment(const struct elf_target *t, void *ctx, const uint8_t *file,
                                size_t size, const struct elf_segment *s)
{
    vaddr_t start = PAGE_ROUND_DOWN(s->vaddr), end = PAGE_ROUND_UP(s->vaddr + s->memsz);
    zx_status_t status = t->map_new(ctx, start, end - start);
    if (status == ZX_OK)
        status = t->write(ctx, s->vaddr, file + s->offset, s->filesz);
    if (status == ZX_OK)
        status = t->protect(ctx, start, end - start, HAL_MMU_READ | HAL_MMU_WRITE | HAL_MMU_EXEC);
    return status;
}
*/
static unsigned mmu_flags(uint32_t elf_flags)
{
    return (elf_flags & PF_R ? HAL_MMU_READ : 0) | (elf_flags & PF_W ? HAL_MMU_WRITE : 0) |
           (elf_flags & PF_X ? HAL_MMU_EXEC : 0);
}

static zx_status_t load_segment(const struct elf_target *t, void *ctx, const uint8_t *file,
                                size_t size, const struct elf_segment *s)
{
    if (s->filesz > s->memsz || s->offset > size || s->filesz > size - s->offset ||
        s->vaddr < HAL_USER_BASE || s->vaddr >= HAL_USER_END ||
        s->memsz > HAL_USER_END - s->vaddr)
        return ZX_ERR_INVALID_ARGS;
    vaddr_t start = PAGE_ROUND_DOWN(s->vaddr), end = PAGE_ROUND_UP(s->vaddr + s->memsz);
    /* New memory is zero, so the .bss needs nothing; the segment's own permissions come last. */
    zx_status_t status = t->map_new(ctx, start, end - start);
    if (status == ZX_OK)
        status = t->write(ctx, s->vaddr, file + s->offset, s->filesz);
    if (status == ZX_OK)
        status = t->protect(ctx, start, end - start, mmu_flags(s->flags));
    return status;
}
/* LAB END */

zx_status_t elf_load_into(const struct elf_target *t, void *ctx, const uint8_t *file, size_t size,
                          vaddr_t *entry)
{
    const struct elf_header *h;
    zx_status_t status = check(file, size, &h);
    for (unsigned i = 0; status == ZX_OK && i < h->phnum; i++) {
        const struct elf_segment *s = (const void *)(file + h->phoff + i * sizeof *s);
        if (s->type == PT_LOAD && s->memsz)
            status = load_segment(t, ctx, file, size, s);
    }
    if (status == ZX_OK)
        *entry = h->entry;
    return status;
}

/* Chapter 3's target: a uspace. Its pages are mapped writable for the kernel's copy (which goes
   through the page table, and so obeys it), then given their final permissions. */
static zx_status_t uspace_map(void *us, vaddr_t va, size_t len)
{
    return uspace_map_new(us, va, len, HAL_MMU_READ | HAL_MMU_WRITE) ? ZX_ERR_NO_MEMORY : ZX_OK;
}

static zx_status_t uspace_copy(void *us, vaddr_t va, const void *src, size_t len)
{
    return uspace_write(us, va, src, len) ? ZX_ERR_INVALID_ARGS : ZX_OK;
}

static zx_status_t uspace_protect(void *us, vaddr_t va, size_t len, unsigned flags)
{
    return hal_pt_protect(((struct uspace *)us)->pt, va, len, flags | HAL_MMU_USER)
               ? ZX_ERR_INVALID_ARGS
               : ZX_OK;
}

static const struct elf_target uspace_target = {uspace_map, uspace_copy, uspace_protect};

zx_status_t elf_load(struct uspace *us, const uint8_t *file, size_t size, vaddr_t *entry)
{
    return elf_load_into(&uspace_target, us, file, size, entry);
}
