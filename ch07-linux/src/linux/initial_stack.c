/*: # A Linux program's first stack: laying it out

The stack is a VMO like any memory of the process, and this file writes into it through the VMO,
from the top down, before the program runs: the strings first (the path, then the arguments and
the environment as one block, copied from the VMO `execve` collected them in), the random bytes,
and then, 16-byte aligned as the ABI requires at the entry, the words that point at them. */
#include "linux/initial_stack.h"

#include <linux/auxvec.h>
#include <string.h>

#include "kernel/frame.h"
#include "linux/memory.h"
#include "linux/random_bytes.h"
#include "vm/vmo.h"

#define AUXV_PAIRS 18

/* A cursor writing into the stack's VMO, whose page at `base` is the stack's lowest. */
struct stack_writer {
    struct vmo *vmo;
    vaddr_t base, sp;
    int err;
};

/* Push len bytes below the cursor: their address. */
static vaddr_t push(struct stack_writer *w, const void *data, size_t len)
{
    w->sp -= len;
    if (!w->err && vmo_write(w->vmo, w->sp - w->base, data, len) != ZX_OK)
        w->err = -ENOMEM;
    return w->sp;
}

/* Push the whole block of argument and environment strings: its address. */
static vaddr_t push_strings(struct stack_writer *w, const struct exec_args *args)
{
    w->sp -= args->len;
    paddr_t bounce = frame_alloc();
    if (!bounce)
        w->err = -ENOMEM;
    for (size_t done = 0; !w->err && done < args->len; done += PAGE_SIZE) {
        size_t n = args->len - done < PAGE_SIZE ? args->len - done : PAGE_SIZE;
        if (vmo_read(args->strings, done, hal_pmem_ptr(bounce), n) != ZX_OK ||
            vmo_write(w->vmo, w->sp - w->base + done, hal_pmem_ptr(bounce), n) != ZX_OK)
            w->err = -ENOMEM;
    }
    if (bounce)
        frame_free(bounce);
    return w->sp;
}

/* Write the words of the pointer block upwards from va, a few at a time. */
struct word_writer {
    struct stack_writer *w;
    vaddr_t va;
    uint64_t buf[32];
    unsigned n;
};

static void flush(struct word_writer *ww)
{
    if (!ww->w->err && ww->n &&
        vmo_write(ww->w->vmo, ww->va - ww->w->base, ww->buf, ww->n * 8) != ZX_OK)
        ww->w->err = -ENOMEM;
    ww->va += ww->n * 8;
    ww->n = 0;
}

static void word(struct word_writer *ww, uint64_t value)
{
    ww->buf[ww->n++] = value;
    if (ww->n == sizeof ww->buf / sizeof ww->buf[0])
        flush(ww);
}

/* Where the string at offset of the block ends: past its zero byte. */
static size_t string_end(const struct exec_args *args, size_t offset)
{
    char chunk[128];
    while (offset < args->len) {
        size_t n = args->len - offset < sizeof chunk ? args->len - offset : sizeof chunk;
        if (vmo_read(args->strings, offset, chunk, n) != ZX_OK)
            return args->len;
        const char *zero = memchr(chunk, 0, n);
        if (zero)
            return offset + (size_t)(zero - chunk) + 1;
        offset += n;
    }
    return offset;
}

/* The addresses of count strings of the block (at `block` on the stack) from *offset, one word
   each, then NULL; *offset moves past them. */
static void string_pointers(struct word_writer *ww, const struct exec_args *args, size_t *offset,
                            vaddr_t block, int count)
{
    for (int i = 0; i < count; i++) {
        word(ww, block + *offset);
        *offset = string_end(args, *offset);
    }
    word(ww, 0);
}

int initial_stack_build(struct vmar *root, const char *path, const struct exec_args *args,
                        const struct program_info *info, struct exec_image *image)
{
    struct stack_writer w = {.base = USER_STACK_TOP - LINUX_STACK_SIZE, .sp = USER_STACK_TOP};
    vaddr_t addr;
    if (vmo_create(LINUX_STACK_SIZE, false, &w.vmo) != ZX_OK)
        return -ENOMEM;
    kobject_set_name(&w.vmo->base, LINUX_VMO_STACK, ZX_MAX_NAME_LEN);
    if (vmar_map(root, ZX_VM_SPECIFIC | ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, w.base - root->start,
                 w.vmo, 0, LINUX_STACK_SIZE, &addr) != ZX_OK)
        w.err = -ENOMEM;

    vaddr_t execfn = push(&w, path, strlen(path) + 1);
    vaddr_t platform = push(&w, ZINC_USER_ARCH, sizeof ZINC_USER_ARCH);
    vaddr_t strings = push_strings(&w, args);
    uint8_t random[16];
    linux_random_bytes(random, sizeof random);
    vaddr_t random_va = push(&w, random, sizeof random);

    size_t words = 1 + (args->argc + 1) + (args->envc + 1) + 2 * AUXV_PAIRS;
    /* LAB ch07-initial-stack BEGIN: start the block of words (ww) low enough for all of them,
       with the stack pointer (image->sp, where argc goes) 16-byte aligned, as the ABI promises.
       stub:
    struct word_writer ww = {.w = &w, .va = w.sp - words * 8};
    */
    struct word_writer ww = {.w = &w, .va = (w.sp - words * 8) & ~15ul};
    /* LAB END */
    image->sp = ww.va;
    word(&ww, args->argc);
    size_t offset = 0;
    string_pointers(&ww, args, &offset, strings, args->argc);
    image->arg_start = strings;
    image->arg_end = strings + offset;
    string_pointers(&ww, args, &offset, strings, args->envc);
    image->env_end = strings + offset;
    const uint64_t auxv[AUXV_PAIRS][2] = {
        {AT_PHDR, info->phdr},
        {AT_PHENT, 56},
        {AT_PHNUM, info->phnum},
        {AT_PAGESZ, PAGE_SIZE},
        {AT_BASE, 0},
        {AT_FLAGS, 0},
        {AT_ENTRY, info->entry},
        {AT_UID, 0},
        {AT_EUID, 0},
        {AT_GID, 0},
        {AT_EGID, 0},
        {AT_SECURE, 0},
        {AT_CLKTCK, 100},
        {AT_HWCAP, 0},
        {AT_RANDOM, random_va},
        {AT_EXECFN, execfn},
        {AT_PLATFORM, platform},
        {AT_NULL, 0},
    };
    for (int i = 0; i < AUXV_PAIRS; i++) {
        word(&ww, auxv[i][0]);
        word(&ww, auxv[i][1]);
    }
    flush(&ww);
    kobject_unref(&w.vmo->base); /* the mapping keeps its own reference */
    return w.err;
}
