/*: # Running a program in a Linux process: the steps

The program file is found through `program_file_open` (linux/program_file.h), which knows where
programs live. Its header is checked first, while the old program is still there to receive an
error: only a file that will load makes the process lose its old image. */
#include "linux/program.h"

#include <asm/signal.h>
#include <string.h>

#include "linux/exit.h"
#include "linux/program_file.h"
#include "linux/signals.h"
#include "object/event.h"

int linux_program_exec(struct process *p, const char *path, const struct exec_args *args,
                       struct exec_image *image)
{
    struct linux_process *lp = p->personality_state;
    struct exec_file f;
    int err = program_file_open(path, &f);
    if (err)
        return err;
    if (!(err = exec_check(&f)) && (err = exec_load(p, &f, path, args, image)) != 0)
        linux_exit_group(p, SIGKILL); /* its old program is gone already: it cannot go on */
    program_file_close(&f);
    if (err)
        return err;
    lp->brk_start = lp->brk = image->end;
    linux_signals_exec(lp);
    fd_close_on_exec(lp->files);
    size_t n = strlen(path) < sizeof lp->exe ? strlen(path) : sizeof lp->exe - 1;
    memcpy(lp->exe, path, n);
    lp->exe[n] = '\0';
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    kobject_set_name(&p->base, name, ZX_MAX_NAME_LEN);
    if (lp->vfork_done) /* a vfork parent waits for this */
        kobject_signal(lp->vfork_done, 0, ZX_EVENT_SIGNALED);
    return 0;
}

int linux_program_start(struct process *p, struct thread *t, const char *path,
                        const struct exec_args *args)
{
    struct exec_image image;
    p->personality = &linux_personality;
    int err = linux_program_exec(p, path, args, &image);
    if (!err && thread_start(t, image.entry, image.sp, 0, 0) != ZX_OK)
        err = -ENOMEM;
    return err;
}
