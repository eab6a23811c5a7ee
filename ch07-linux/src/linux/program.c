/*: # Running a program in a Linux process: the steps

The program file is found through `program_file_open` (linux/program_file.h), which knows where
programs live. Its header is checked first, while the old program is still there to receive an
error: only a file that will load makes the process lose its old image.

A file that is no ELF program but starts with `#!` is a *script*: the line names an interpreter
(and perhaps one argument for it), and the kernel runs the interpreter with the script's path as an
argument, so that `./build.sh` runs `/bin/sh ./build.sh`.

An ELF program is loaded as the personality that claims it (task/personality.h) would have it: a
Linux program, or a Zircon one (linux/zircon_program.h). */
#include "linux/program.h"

#include <asm/signal.h>
#include <string.h>

#include "kernel/frame.h"
#include "linux/exit.h"
#include "linux/program_file.h"
#include "linux/robust_list.h"
#include "linux/signals.h"
#include "linux/thread.h"
#include "linux/zircon_program.h"
#include "object/event.h"

#define SCRIPT_LINE_MAX 256 /* "#!interpreter [argument]": Linux reads this much of it */

/* The interpreter a "#!" line names, and its one optional argument, into line (SCRIPT_LINE_MAX
   bytes): 0, or -ENOEXEC if f is no script. */
static int script_interpreter(const struct exec_file *f, char *line, char **interp, char **arg)
{
    size_t n = f->size < SCRIPT_LINE_MAX - 1 ? f->size : SCRIPT_LINE_MAX - 1;
    if (n < 3 || f->read(f->ctx, 0, line, n) || line[0] != '#' || line[1] != '!')
        return -ENOEXEC;
    line[n] = '\0';
    char *end = strchr(line, '\n');
    if (!end && n == f->size)
        end = line + n;
    if (!end)
        return -ENOEXEC; /* the line is longer than Zinc reads */
    *end = '\0';
    char *s = line + 2;
    while (*s == ' ' || *s == '\t')
        s++;
    *interp = s;
    while (*s && *s != ' ' && *s != '\t')
        s++;
    if (*s)
        *s++ = '\0';
    while (*s == ' ' || *s == '\t')
        s++;
    *arg = s;
    for (char *e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t');)
        *--e = '\0';
    return **interp ? 0 : -ENOEXEC;
}

/* Load f, a program of this machine, as the personality that claims it: a Linux program, or a
   Zircon one. */
static int load_program(struct process *p, struct thread *t, const struct exec_file *f,
                        const char *path, const struct exec_args *args, struct exec_image *image)
{
    paddr_t frame = frame_alloc(); /* the file's first page, for the personalities to look at */
    if (!frame)
        return -ENOMEM;
    size_t n = f->size < PAGE_SIZE ? f->size : PAGE_SIZE;
    int err = f->read(f->ctx, 0, hal_pmem_ptr(frame), n);
    const struct personality *kind = err ? NULL : personality_of_program(hal_pmem_ptr(frame), n);
    frame_free(frame);
    if (err)
        return err;
    image->arg0 = 0;
    if (kind == &zircon_personality)
        return zircon_program_exec(p, t, f, path, args, image);
    return exec_load(p, f, path, args, image);
}

/* What the old program told the kernel of its memory goes with it, as in Linux's execve: the robust
   locks the thread still holds are released (they may lie in memory another process shares), and
   the words that set_robust_list and set_tid_address named are forgotten. */
static void forget_old_program(struct thread *t)
{
    struct linux_thread *lt = t->personality_state;
    if (!lt)
        return; /* the first program of a process: there was none */
    linux_robust_list_release(lt);
    lt->robust_list = 0;
    lt->clear_child_tid = 0;
}

/* Load the program at path, or, for a script, its interpreter with the arguments the kernel
   gives it: the interpreter, its argument if any, the script's path, then the script's own
   arguments after the first. */
static int load(struct process *p, struct thread *t, const char *path, const struct exec_args *args,
                struct exec_image *image, bool script_allowed)
{
    struct exec_file f;
    char line[SCRIPT_LINE_MAX], *interp, *arg;
    int err = program_file_open(path, &f);
    if (err)
        return err;
    err = exec_check(&f);
    if (err == -ENOEXEC && script_allowed && !script_interpreter(&f, line, &interp, &arg)) {
        program_file_close(&f);
        struct exec_args with_interp;
        err = exec_args_init(&with_interp);
        if (!err)
            err = exec_args_add(&with_interp, interp, strlen(interp), false);
        if (!err && *arg)
            err = exec_args_add(&with_interp, arg, strlen(arg), false);
        if (!err)
            err = exec_args_add(&with_interp, path, strlen(path), false);
        if (!err)
            err = exec_args_append(&with_interp, args, 1);
        if (!err) /* one level: an interpreter that is a script is -ENOEXEC, as Linux at depth */
            err = load(p, t, interp, &with_interp, image, false);
        exec_args_destroy(&with_interp);
        return err;
    }
    if (!err && (err = linux_thread_alone(p, t)) != 0) { /* the other threads go first */
        program_file_close(&f);
        return err;
    }
    if (!err)
        forget_old_program(t);
    if (!err && (err = load_program(p, t, &f, path, args, image)) != 0)
        linux_exit_group(p, SIGSEGV); /* its old program is gone already: it cannot go on */
    if (!err)
        memcpy(image->exe, f.path, sizeof image->exe);
    program_file_close(&f);
    return err;
}

int linux_program_exec(struct process *p, struct thread *t, const char *path,
                       const struct exec_args *args, struct exec_image *image)
{
    struct linux_process *lp = p->personality_state;
    int err = load(p, t, path, args, image, true);
    if (err)
        return err;
    lp->brk_start = lp->brk = image->end;
    lp->arg_start = image->arg_start;
    lp->arg_end = image->arg_end;
    lp->env_end = image->env_end;
    linux_signals_exec(lp);
    fd_close_on_exec(lp->files);
    memcpy(lp->exe, image->exe, sizeof lp->exe);
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    kobject_set_name(&p->base, name, ZX_MAX_NAME_LEN);
    linux_thread_take_pid(t); /* the one thread left is the first thread now */
    if (lp->vfork_done) /* a vfork parent waits for this */
        kobject_signal(lp->vfork_done, 0, ZX_EVENT_SIGNALED);
    return 0;
}

int linux_program_start(struct process *p, struct thread *t, const char *path,
                        const struct exec_args *args)
{
    struct exec_image image;
    p->personality = &linux_personality;
    int err = linux_program_exec(p, t, path, args, &image);
    if (!err && thread_start(t, image.entry, image.sp, image.arg0, 0) != ZX_OK)
        err = -ENOMEM;
    return err;
}
