/*: # Loading a Linux program: the image

A static Linux program is an ELF file whose loadable segments go to fixed addresses (`ET_EXEC`) or,
for a static position-independent program (`ET_DYN` without a dynamic loader), anywhere, all moved
by one *bias*. Zinc loads the whole span of the segments into **one VMO**, mapped once where the
program wants it, and then gives each page the permissions of the segments on it. One VMO
rather than one per segment because segments may share a page (the end of the code and the start of
the data, in a tightly linked program): that page gets both segments' bytes and both their
permissions, as on Linux. Pages of the span that no segment covers are unmapped.

The bias is always the same, `DYN_BASE`: 256 MiB, above where programs linked at a fixed address
go (0x400000 on x86_64, 0x10000 on riscv64), well below the top of the smallest user address space
(the LibOS's 2 GiB), and a multiple of the alignment a segment asks for (`p_align`: a program
asking for more is refused). Linux
picks a random one, for the sake of security rather than of the program, and puts the program
break apart from such a program; Zinc's break starts just past it, as for any program. Each
address the auxiliary vector gives (`AT_PHDR`, `AT_ENTRY`) is biased; user/linux/pie-test.c checks
them all, from inside a static-PIE program.

Everything in the file is checked before it is believed, as chapter 3's loader does: a file that is
not an ELF program for this machine is `-ENOEXEC` (the shell then tries it as a script), as is one
that needs a dynamic loader (`PT_INTERP`: Zinc runs static programs only). A program whose span is
larger than a VMO may be is `-ENOMEM`. These checks come before the old program is let go, so that
its caller hears of them (final/user/linux/elf-refusals.c breaks a program in 62 ways); a failure
after that point, memory running out, kills the process with `SIGSEGV`, as Linux does. */
#include "linux/exec.h"

#include <string.h>

#include "kernel/frame.h"
#include "linux/initial_stack.h"
#include "task/elf_format.h"
#include "vm/vmar.h"
#include "vm/vmo.h"

#define PHNUM_MAX 16
#define DYN_BASE 0x10000000ul /* where a position-independent program goes */

struct program {
    struct elf_header h;
    struct elf_segment ph[PHNUM_MAX];
    vaddr_t bias;   /* added to every address the file names */
    vaddr_t lo, hi; /* the pages its segments span, biased */
};

static int read_headers(const struct exec_file *f, struct program *prog)
{
    struct elf_header *h = &prog->h;
    if (f->size < sizeof *h || f->read(f->ctx, 0, h, sizeof *h))
        return -ENOEXEC;
    if (memcmp(h->ident,
               "\x7f"
               "ELF",
               4) ||
        h->ident[4] != 2 || h->ident[5] != 1 || (h->type != ET_EXEC && h->type != ET_DYN) ||
        h->machine != HAL_ELF_MACHINE || h->phentsize != sizeof(struct elf_segment) ||
        h->phnum == 0 || h->phnum > PHNUM_MAX || h->phoff > f->size ||
        h->phnum * sizeof(struct elf_segment) > f->size - h->phoff)
        return -ENOEXEC;
    if (f->read(f->ctx, h->phoff, prog->ph, h->phnum * sizeof(struct elf_segment)))
        return -EIO;
    prog->bias = h->type == ET_DYN ? DYN_BASE : 0;
    prog->lo = HAL_USER_END;
    prog->hi = 0;
    for (unsigned i = 0; i < h->phnum; i++) {
        const struct elf_segment *s = &prog->ph[i];
        if (s->type == PT_INTERP)
            return -ENOEXEC;
        if (s->type != PT_LOAD || !s->memsz)
            continue;
        vaddr_t va = s->vaddr + prog->bias;
        if ((s->align && prog->bias % s->align) || s->filesz > s->memsz || s->offset > f->size ||
            s->filesz > f->size - s->offset || va < s->vaddr || va < HAL_USER_BASE ||
            va >= HAL_USER_END || s->memsz > HAL_USER_END - va)
            return -ENOEXEC;
        prog->lo = va < prog->lo ? PAGE_ROUND_DOWN(va) : prog->lo;
        prog->hi = va + s->memsz > prog->hi ? PAGE_ROUND_UP(va + s->memsz) : prog->hi;
    }
    if (!prog->hi)
        return -ENOEXEC;
    /* a span no VMO can hold: refused now, while the caller's program is still there to be told */
    return prog->hi - prog->lo > VMO_MAX_SIZE ? -ENOMEM : 0;
}

int exec_check(const struct exec_file *f)
{
    struct program prog;
    return read_headers(f, &prog);
}

/* Copy the file's bytes [offset, offset + len) into vmo at vmo_offset, a page at a time. */
static int copy_file(const struct exec_file *f, uint64_t offset, size_t len, struct vmo *vmo,
                     uint64_t vmo_offset)
{
    paddr_t bounce = frame_alloc();
    if (!bounce)
        return -ENOMEM;
    int err = 0;
    for (size_t done = 0; !err && done < len; done += PAGE_SIZE) {
        size_t n = len - done < PAGE_SIZE ? len - done : PAGE_SIZE;
        err = f->read(f->ctx, offset + done, hal_pmem_ptr(bounce), n);
        if (!err && vmo_write(vmo, vmo_offset + done, hal_pmem_ptr(bounce), n) != ZX_OK)
            err = -ENOMEM;
    }
    frame_free(bounce);
    return err;
}

static uint32_t vm_perms(uint32_t elf_flags)
{
    return (elf_flags & PF_R ? ZX_VM_PERM_READ : 0) | (elf_flags & PF_W ? ZX_VM_PERM_WRITE : 0) |
           (elf_flags & PF_X ? ZX_VM_PERM_EXECUTE : 0);
}

/* The permissions of the page at va: those of every segment on it; 0 if none is. */
static uint32_t page_perms(const struct program *prog, vaddr_t va)
{
    uint32_t perms = 0;
    for (unsigned i = 0; i < prog->h.phnum; i++) {
        const struct elf_segment *s = &prog->ph[i];
        vaddr_t start = PAGE_ROUND_DOWN(s->vaddr + prog->bias);
        vaddr_t end = PAGE_ROUND_UP(s->vaddr + prog->bias + s->memsz);
        if (s->type == PT_LOAD && s->memsz && va >= start && va < end)
            perms |= vm_perms(s->flags);
    }
    return perms;
}

/* Give each run of pages of the span its permissions, unmapping the pages no segment is on. */
static int protect_pages(struct vmar *root, const struct program *prog)
{
    for (vaddr_t va = prog->lo; va < prog->hi;) {
        uint32_t perms = page_perms(prog, va);
        vaddr_t end = va + PAGE_SIZE;
        while (end < prog->hi && page_perms(prog, end) == perms)
            end += PAGE_SIZE;
        zx_status_t status =
            perms ? vmar_protect(root, perms, va, end - va) : vmar_unmap(root, va, end - va);
        if (status != ZX_OK)
            return -ENOMEM;
        va = end;
    }
    return 0;
}

static int map_image(struct vmar *root, const struct exec_file *f, const struct program *prog,
                     const char *name)
{
    struct vmo *vmo;
    vaddr_t addr;
    if (vmo_create(prog->hi - prog->lo, false, &vmo) != ZX_OK)
        return -ENOMEM;
    kobject_set_name(&vmo->base, name, ZX_MAX_NAME_LEN);
    int err = vmar_map(root, ZX_VM_SPECIFIC | ZX_VM_PERM_READ | ZX_VM_PERM_WRITE,
                       prog->lo - root->start, vmo, 0, prog->hi - prog->lo, &addr) == ZX_OK
                  ? 0
                  : -ENOMEM;
    for (unsigned i = 0; !err && i < prog->h.phnum; i++) {
        const struct elf_segment *s = &prog->ph[i];
        if (s->type == PT_LOAD && s->filesz)
            err = copy_file(f, s->offset, s->filesz, vmo, s->vaddr + prog->bias - prog->lo);
    }
    kobject_unref(&vmo->base); /* the mapping keeps its own reference */
    return err ? err : protect_pages(root, prog);
}

/* Where the program headers are in memory, for AT_PHDR: PT_PHDR says so, or else they are in the
   loaded segment that holds their place in the file. 0 if they are not loaded at all. */
static vaddr_t phdr_address(const struct program *prog)
{
    for (unsigned i = 0; i < prog->h.phnum; i++) {
        const struct elf_segment *s = &prog->ph[i];
        if (s->type == PT_PHDR)
            return s->vaddr + prog->bias;
        if (s->type == PT_LOAD && prog->h.phoff >= s->offset &&
            prog->h.phoff - s->offset < s->filesz)
            return s->vaddr + prog->bias + (prog->h.phoff - s->offset);
    }
    return 0;
}

int exec_load(struct process *p, const struct exec_file *f, const char *path,
              const struct exec_args *args, struct exec_image *image)
{
    struct program prog;
    struct vmar *root = p->space;
    int err = read_headers(f, &prog);
    if (err)
        return err;
    /* The old program goes: everything mapped in the process, which a new process has not. */
    zx_status_t status = vmar_unmap(root, root->start, root->size);
    if (status != ZX_OK && status != ZX_ERR_NOT_FOUND)
        return -ENOMEM;
    /* The image's VMO is named for the file it holds, as /proc/PID/maps tells (fs/procfs_maps.c),
       whatever name (a link, /proc/self/exe) the program was run by. */
    const char *file = f->path[0] ? f->path : path;
    const char *name = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
    if ((err = map_image(root, f, &prog, name)) != 0)
        return err;
    struct program_info info = {
        .entry = prog.h.entry + prog.bias,
        .phdr = phdr_address(&prog),
        .phnum = prog.h.phnum,
    };
    image->entry = info.entry;
    image->end = prog.hi;
    return initial_stack_build(root, path, args, &info, image);
}
