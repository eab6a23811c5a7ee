/*: # Collecting a new program's arguments

`execve` must copy its arguments and environment out of the old program before that program's
memory is thrown away, and they may be long (a shell's `xargs` passes thousands of names), far
longer than the kernel's heap blocks. So they go into a VMO, back to back, each with its zero byte,
arguments first: the layout in which they are then copied, in one piece, onto the new stack. */
#include "linux/exec.h"

#include "kernel/frame.h"
#include "vm/vmo.h"

int exec_args_init(struct exec_args *a)
{
    *a = (struct exec_args){0};
    return vmo_create(EXEC_ARGS_MAX, false, &a->strings) == ZX_OK ? 0 : -ENOMEM;
}

int exec_args_add(struct exec_args *a, const char *s, size_t len, bool env)
{
    if (len + 1 > EXEC_ARGS_MAX - a->len || (!env && a->envc))
        return -E2BIG;
    const char zero = 0;
    if (vmo_write(a->strings, a->len, s, len) != ZX_OK ||
        vmo_write(a->strings, a->len + len, &zero, 1) != ZX_OK)
        return -ENOMEM;
    a->len += len + 1;
    if (env)
        a->envc++;
    else
        a->argc++;
    return 0;
}

int exec_args_append(struct exec_args *a, const struct exec_args *from, int skip)
{
    paddr_t frame = frame_alloc(); /* a string of from, at most a page */
    if (!frame)
        return -ENOMEM;
    char *s = hal_pmem_ptr(frame);
    size_t offset = 0;
    int err = 0;
    for (int i = 0; !err && i < from->argc + from->envc; i++) {
        size_t len = 0;
        while (offset + len < from->len && len < PAGE_SIZE &&
               vmo_read(from->strings, offset + len, &s[len], 1) == ZX_OK && s[len])
            len++;
        if (len == PAGE_SIZE)
            err = -E2BIG;
        else if (i >= skip)
            err = exec_args_add(a, s, len, i >= from->argc);
        offset += len + 1;
    }
    frame_free(frame);
    return err;
}

void exec_args_destroy(struct exec_args *a)
{
    if (a->strings)
        kobject_unref(&a->strings->base);
    a->strings = NULL;
}
