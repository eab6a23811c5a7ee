/*: # userboot: the first process

Chapter 3's boot program. The kernel makes the first Zircon process itself, the way Fuchsia starts
userboot: it loads the program from the boot filesystem (the ELF programs packed into the kernel
image), hands it a channel with its start-up message (zircon/startup.h) and its handles, to itself,
to its thread, to the root job, to the root resource (object/resource.h) and, from chapter 4 on, to
the root of its address space, and starts its thread. From then on everything else is done by user
code with system calls. The kernel waits for that process to end, says how it ended, and shuts down.

The boot arguments name the program and its arguments: `run hello-zircon a b`; without a name
(`run`) it is chapter 3's demo, `task-demo`. */
#include <string.h>

#include "kernel/main.h"
#include "kernel/printk.h"
#include "object/channel.h"
#include "object/resource.h"
#include "object/wait.h"
#include "task/address_space.h"
#include "task/task.h"
#include "task/userboot.h"
#include "zircon/startup.h"

#define MAX_ARGS_SIZE 512

/* The start-up message: the header, the handle info words, the arguments (the words of args); the
   handles: the process, its thread, the root job, the root resource, and the root of its address
   space when a provider (chapter 4) gives one. */
struct message *userboot_startup_message(const char *args, struct process *p, struct thread *t)
{
    char text[MAX_ARGS_SIZE];
    uint32_t argc = 0, size = 0;
    for (const char *a = args; *a && size + 1 < sizeof text;) {
        while (*a == ' ')
            a++;
        if (!*a)
            break;
        while (*a && *a != ' ' && size + 1 < sizeof text)
            text[size++] = *a++;
        text[size++] = '\0';
        argc++;
    }
    struct message_handle handles[5];
    uint32_t info[5], n = 0;
    kobject_ref(&p->base);
    handles[n] = (struct message_handle){.obj = &p->base, .rights = process_type.default_rights};
    info[n++] = PA_HND(PA_PROC_SELF, 0);
    kobject_ref(&t->base);
    handles[n] = (struct message_handle){.obj = &t->base, .rights = thread_type.default_rights};
    info[n++] = PA_HND(PA_THREAD_SELF, 0);
    kobject_ref(&job_root()->base);
    handles[n] =
        (struct message_handle){.obj = &job_root()->base, .rights = job_type.default_rights};
    info[n++] = PA_HND(PA_JOB_DEFAULT, 0);
    handles[n] = (struct message_handle){.obj = root_resource(),
                                         .rights = resource_type.default_rights};
    info[n++] = PA_HND(PA_RESOURCE, 0);
    const struct address_space_provider *asp = address_space_provider();
    if (asp && (handles[n].obj = asp->root(p, &handles[n].rights)) != NULL)
        info[n++] = PA_HND(PA_VMAR_ROOT, 0);

    struct zinc_startup header = {ZINC_STARTUP_MAGIC, argc, size, n};
    struct message *m = message_create(sizeof header + sizeof info[0] * n + size, n);
    if (m) {
        message_write(m, 0, &header, sizeof header);
        message_write(m, sizeof header, info, sizeof info[0] * n);
        message_write(m, sizeof header + sizeof info[0] * n, text, size);
        memcpy(m->handles, handles, sizeof handles[0] * n);
    } else {
        for (uint32_t i = 0; i < n; i++)
            kobject_unref(handles[i].obj);
    }
    return m;
}

/* Make the process, load it, give it its bootstrap channel and start it. */
zx_status_t userboot_launch(const char *name, const char *args, struct process **out)
{
    struct process *p;
    struct thread *t;
    struct kobject *ours, *theirs;
    vaddr_t entry, stack;
    zx_handle_t bootstrap;
    zx_status_t status = process_create(job_root(), name, &p);
    if (status != ZX_OK)
        return status;
    if ((status = process_load(p, name, &entry, &stack)) != ZX_OK ||
        (status = thread_create(p, "initial-thread", &t)) != ZX_OK) {
        kobject_unref(&p->base);
        return status;
    }
    if ((status = channel_create(&ours, &theirs)) == ZX_OK) {
        struct message *m = userboot_startup_message(args, p, t);
        status = m ? channel_write(ours, m) : ZX_ERR_NO_MEMORY;
        kobject_unref(ours);
        if (status == ZX_OK)
            status = handle_table_add(&p->handles, theirs, channel_type.default_rights, &bootstrap);
        else
            kobject_unref(theirs);
    }
    if (status == ZX_OK)
        status = thread_start(t, entry, stack, bootstrap, 0);
    kobject_unref(&t->base);
    if (status != ZX_OK) {
        kobject_unref(&p->base);
        return status;
    }
    *out = p;
    return ZX_OK;
}

/* Whatever the program left running goes down with the machine: kill the root job and wait (a few
   seconds at most) until it is dead, which is when every process under it has finished dying, so
   that no thread is inside user code or a system call when the kernel stops. */
void userboot_stop_everything(void)
{
    zx_signals_t seen;
    uint64_t give_up = hal_timer_now() + 5000000000ull;
    job_kill(job_root());
    object_wait_here(&job_root()->base, ZX_TASK_TERMINATED, give_up, &seen);
}

static int userboot(const char *args)
{
    char name[ZX_MAX_NAME_LEN] = "task-demo";
    size_t n = strcspn(args, " ");
    if (n > 0 && n < sizeof name) {
        memcpy(name, args, n);
        name[n] = '\0';
    } else {
        args = name;
    }
    struct process *p;
    zx_status_t status = userboot_launch(name, args, &p);
    if (status != ZX_OK) {
        kprintf("userboot: cannot start %s: error %d\n", name, status);
        return 1;
    }
    zx_signals_t seen;
    object_wait_here(&p->base, ZX_TASK_TERMINATED, HAL_NO_DEADLINE, &seen);
    kprintf("userboot: %s (koid %lu) exited with return code %ld\n", name,
            (unsigned long)p->base.koid, (long)p->return_code);
    kobject_unref(&p->base);
    userboot_stop_everything();
    return 0; /* the kernel did its part; what the program's code means is for whoever reads it */
}
BOOT_PROGRAM(userboot, 3);
