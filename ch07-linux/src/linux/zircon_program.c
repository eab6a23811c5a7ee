/*: # A Zircon program started by a Linux one: the mixed personality

The program is loaded by the same ELF loader as a Linux program (a Zircon program is a static ELF
executable too; the Linux stack laid out with it goes unread). Then the process gets the
personality of a Zircon program with a Linux parent, which mixes the two kinds of hooks of
task/personality.h: Zircon's system calls and faults, Linux's signals (a Linux process may kill it:
its dispositions are all the defaults after the exec), and Linux's end, which records the
program's return code as its exit status and tells the parent. That a personality is a handful of
hooks is what lets the mix be a few lines.

One Zircon call changes meaning: `zx_debug_write`, which our Zircon programs' `printf` makes,
becomes `write(1, ...)`, so what the program prints goes to its Linux standard output (a pipe, a
file, the console) and a shell can capture it. Fuchsia itself hands a program its standard output
as a handle in the start-up message (a `PA_FD` entry its C library writes through); our Zircon
programs have no descriptor library, and the personality's system-call hook is the one place that
can redirect every line they print. */
#include "linux/zircon_program.h"

#include <asm/unistd.h>
#include <string.h>

#include "kernel/frame.h"
#include "linux/exit.h"
#include "linux/signals.h"
#include "linux/syscall.h"
#include "exec/suspend.h"
#include "object/channel.h"
#include "syscall/sys.h"
#include "task/userboot.h"
#include "vm/vmo.h"

#define ARGS_MAX 512 /* the words of the start-up message, as userboot reads them */

/* What write's answer means to a program that called zx_debug_write. A call that waits (a full
   pipe) passes its waiting outcome up unchanged, and runs again through here. */
static int64_t debug_write_status(int64_t written)
{
    if (written >= 0)
        return ZX_OK;
    if (written == WAIT_RESTART || written == WAIT_PENDING)
        return written;
    return written == -EFAULT  ? ZX_ERR_INVALID_ARGS
           : written == -EPIPE ? ZX_ERR_PEER_CLOSED
                               : ZX_ERR_IO;
}

static int64_t zircon_syscall(struct thread *t)
{
    if (hal_context_syscall_nr(t->ctx) != ZX_SYS_debug_write)
        return zircon_personality.syscall(t);
    uint64_t arg[6] = {1, hal_context_syscall_arg(t->ctx, 0), hal_context_syscall_arg(t->ctx, 1)};
    return debug_write_status(linux_syscall_dispatch(__NR_write, arg));
}

static zx_status_t zircon_fault(struct thread *t, const struct hal_trap *trap)
{
    return zircon_personality.fault(t, trap);
}

/* The end of the program: its return code is its exit status, as for `exit(code)`. */
static void zircon_child_exit(struct process *p)
{
    struct linux_process *lp = p->personality_state;
    hal_lock_acquire(&linux_tree_lock);
    lp->wait_status = (int)(p->return_code & 0xff) << 8;
    hal_lock_release(&linux_tree_lock);
    linux_process_ended(lp);
}

static const struct personality zircon_child = {
    .name = "zircon, with a Linux parent",
    .syscall = zircon_syscall,
    .fault = zircon_fault,
    .to_user = linux_signal_deliver, /* a kill from the Linux side: its handlers are all default */
    .thread_exit = linux_thread_detach,
    .process_exit = zircon_child_exit,
};

/* The arguments as userboot takes them: the words, separated by blanks, in line (ARGS_MAX bytes;
   longer arguments are cut). */
static void argument_line(const struct exec_args *args, char *line)
{
    size_t n = args->len < ARGS_MAX - 1 ? args->len : ARGS_MAX - 1;
    size_t argv_bytes = 0;
    vmo_read(args->strings, 0, line, n);
    for (int i = 0; i < args->argc && argv_bytes < n; i++) {
        const char *end = memchr(line + argv_bytes, 0, n - argv_bytes);
        argv_bytes = end ? (size_t)(end - line) + 1 : n;
    }
    n = argv_bytes ? argv_bytes - 1 : 0; /* the arguments only, without the last zero */
    for (size_t i = 0; i < n; i++)
        if (!line[i])
            line[i] = ' ';
    line[n] = '\0';
}

int zircon_program_exec(struct process *p, struct thread *t, const struct exec_file *f,
                        const char *path, const struct exec_args *args, struct exec_image *image)
{
    int err = exec_load(p, f, path, args, image);
    if (err)
        return err;
    paddr_t frame = frame_alloc();
    struct kobject *ours, *theirs;
    zx_handle_t bootstrap;
    if (!frame || channel_create(&ours, &theirs) != ZX_OK) {
        if (frame)
            frame_free(frame);
        return -ENOMEM;
    }
    char *line = hal_pmem_ptr(frame);
    argument_line(args, line);
    struct message *m = userboot_startup_message(line, p, t);
    frame_free(frame);
    zx_status_t status = m ? channel_write(ours, m) : ZX_ERR_NO_MEMORY;
    kobject_unref(ours);
    if (status == ZX_OK)
        status = handle_table_add(&p->handles, theirs, channel_type.default_rights, &bootstrap);
    else
        kobject_unref(theirs);
    if (status != ZX_OK)
        return -ENOMEM;
    image->arg0 = bootstrap;
    p->personality = &zircon_child;
    return 0;
}
