/*: # execve

`execve(path, argv, envp)` replaces the calling process's program. Its arguments live in the memory
that is about to be replaced, so they are copied into the kernel first (linux/exec.h's `struct
exec_args`); then the program is loaded (linux/program.c) and the calling thread starts over at
the new entry with the new stack: its registers are made fresh, and the call "returns" into the
new program. On success nothing of the old program is left but the process itself: its pid, its
parent and children, its descriptors (less the close-on-exec ones) and its working directory. */
#include "kernel/frame.h"
#include "linux/program.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

/* The path and each argument are copied through one page, half for each: at most 2 KiB here. */
#define STRING_MAX (PAGE_SIZE / 2)

/* Copy the NULL-terminated array of strings at list into args, using buf (STRING_MAX bytes). */
static int copy_strings(struct exec_args *args, uaddr_t list, bool env, char *buf)
{
    for (size_t i = 0; list; i++) {
        uint64_t s;
        if (copy_from_user(&s, list + i * sizeof s, sizeof s))
            return -EFAULT;
        if (!s)
            return 0;
        int64_t len = copy_string_from_user(buf, STRING_MAX, s);
        if (len == -ENAMETOOLONG)
            return -E2BIG;
        int err = len < 0 ? (int)len : exec_args_add(args, buf, (size_t)len, env);
        if (err)
            return err;
    }
    return 0;
}

static int64_t linux_execve(const uint64_t *arg)
{
    paddr_t frame = frame_alloc();
    if (!frame)
        return -ENOMEM;
    char *path = hal_pmem_ptr(frame);
    struct exec_args args = {0};
    int64_t err = copy_string_from_user(path, STRING_MAX, arg[0]);
    if (err >= 0)
        err = exec_args_init(&args);
    if (!err)
        err = copy_strings(&args, arg[1], false, path + STRING_MAX);
    if (!err)
        err = copy_strings(&args, arg[2], true, path + STRING_MAX);
    struct exec_image image;
    if (!err)
        err = linux_program_exec(thread_current()->process, thread_current(), path, &args, &image);
    if (!err) {
        hal_context_unload(); /* the old program's state leaves the CPU before ctx is reset */
        hal_context_init(thread_current()->ctx, image.entry, image.sp);
        hal_context_set_arg(thread_current()->ctx, 0, image.arg0);
        err = (int64_t)image.arg0; /* what the return register holds (riscv64's a0 is both) */
    }
    exec_args_destroy(&args);
    frame_free(frame);
    return err;
}
LINUX_SYSCALL(execve, linux_execve);
