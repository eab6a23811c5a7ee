/*: # Collecting a new program's arguments

`execve` must copy its arguments and environment out of the old program before that program's
memory is thrown away, and they may be long (a shell's `xargs` passes thousands of names), far
longer than the kernel's heap blocks. So they go into a VMO, back to back, each with its zero byte,
arguments first: the layout in which they are then copied, in one piece, onto the new stack. */
#include "linux/exec.h"

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

void exec_args_destroy(struct exec_args *a)
{
    if (a->strings)
        kobject_unref(&a->strings->base);
    a->strings = NULL;
}
