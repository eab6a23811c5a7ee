/*: # The first Linux process

Chapter 7's boot program. The boot arguments are a command line, as a shell would read it: the path
of a program and its arguments, with quotes for an argument that holds blanks:

    run /bin/busybox sh -c "echo hi | wc -c"

The kernel makes a Zircon process in the root job, makes it a Linux process (pid 1, with the
console on descriptors 0, 1 and 2), loads the program with the arguments and a small environment,
and starts it. Then it waits for the process to end, says how it ended, as a shell's `$?` would
(the exit status, or 128 plus the number of the signal that killed it), and shuts down. Without
arguments it runs `/bin/sh`.

A first word without a slash names a Zircon program instead, as in chapters 3 to 6 (`run
core-tests`): userboot starts it. One kernel, one boot line, either personality. */
#include <asm/fcntl.h>
#include <string.h>

#include "fs/device.h"
#include "kernel/main.h"
#include "kernel/printk.h"
#include "linux/exec.h"
#include "linux/program.h"
#include "linux/power_off.h"
#include "object/wait.h"
#include "task/userboot.h"

#define WORD_MAX 256

static const char *const environment[] = {"HOME=/", "PATH=/bin:/sbin:/usr/bin:/usr/sbin",
                                          "TERM=linux", "PWD=/"};

/* The next word of *line into word (WORD_MAX bytes): quotes group blanks into a word and are
   dropped. false at the end of the line. */
static bool next_word(const char **line, char *word)
{
    const char *s = *line;
    while (*s == ' ')
        s++;
    if (!*s)
        return false;
    size_t n = 0;
    char quote = 0;
    for (; *s && (quote || *s != ' '); s++) {
        if (!quote && (*s == '"' || *s == '\'')) {
            quote = *s;
        } else if (quote && *s == quote) {
            quote = 0;
        } else if (n + 1 < WORD_MAX) {
            word[n++] = *s;
        }
    }
    word[n] = '\0';
    *line = s;
    return true;
}

/* The arguments and environment of the first program, from the boot command line. */
static int boot_args(const char *line, char *path, struct exec_args *args)
{
    char word[WORD_MAX];
    int err = exec_args_init(args);
    if (!next_word(&line, path))
        memcpy(path, "/bin/sh", sizeof "/bin/sh");
    if (!err)
        err = exec_args_add(args, path, strlen(path), false);
    while (!err && next_word(&line, word))
        err = exec_args_add(args, word, strlen(word), false);
    for (size_t i = 0; !err && i < sizeof environment / sizeof environment[0]; i++)
        err = exec_args_add(args, environment[i], strlen(environment[i]), true);
    return err;
}

/* Descriptors 0, 1 and 2 on the console. */
static struct fd_table *console_files(void)
{
    struct fd_table *files = fd_table_create();
    struct file *console = NULL;
    if (files)
        device_open(device_find("console"), O_RDWR, &console);
    for (int fd = 0; console && fd < 3; fd++)
        fd_install(files, console, fd, false);
    if (console)
        file_unref(console);
    else if (files)
        fd_table_destroy(files), files = NULL;
    return files;
}

static int start(const char *line, struct process **out)
{
    char path[WORD_MAX];
    struct exec_args args;
    struct process *p = NULL;
    struct thread *t = NULL;
    struct fd_table *files = NULL;
    int err = boot_args(line, path, &args);
    if (!err)
        err = process_create(job_root(), path, &p) == ZX_OK ? 0 : -ENOMEM;
    if (!err)
        err = thread_create(p, "main", &t) == ZX_OK ? 0 : -ENOMEM;
    if (!err && (!(files = console_files()) || !linux_process_attach(p, NULL, files, t))) {
        if (files)
            fd_table_destroy(files);
        err = -ENOMEM;
    }
    if (!err && (err = linux_program_start(p, t, path, &args)) != 0) {
        process_kill(p, 1); /* its Linux state goes with it (linux/exit.c) */
        linux_thread_detach(t);
    }
    exec_args_destroy(&args);
    if (t)
        kobject_unref(&t->base);
    if (err && p)
        kobject_unref(&p->base);
    *out = err ? NULL : p;
    return err;
}

/* A program named without a slash is a Zircon program of the boot filesystem: chapter 3's userboot
   runs it, so that one boot command line reaches both kinds of program. */
static int zircon_program(const char *args)
{
    TABLE_FOREACH(struct boot_program, boot_programs, b)
    if (!strcmp(b->name, "userboot"))
        return b->fn(args);
    return 1;
}

static int linux_init(const char *args)
{
    while (*args == ' ')
        args++;
    if (*args && *args != '/' && *args != '"' && *args != '\'')
        return zircon_program(args);
    struct process *p;
    int err = start(args, &p);
    if (err) {
        kprintf("linux: cannot start %s: error %d\n", *args ? args : "/bin/sh", -err);
        return 1;
    }
    zx_signals_t seen;
    object_wait_here(&p->base, ZX_TASK_TERMINATED, HAL_NO_DEADLINE, &seen);
    /* as a shell's $? says it: 128 + the signal's number for a death by signal; unless a program
       stopped the machine, which killed pid 1 too */
    if (!linux_reboot_asked())
        kprintf("linux: pid 1 exit status %d\n", (int)p->return_code);
    kobject_unref(&p->base);
    userboot_stop_everything();
    return 0;
}
BOOT_PROGRAM(linux_init, 7);
