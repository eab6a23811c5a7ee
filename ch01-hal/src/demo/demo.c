/*: # The demo kernel, implemented

`demo_serve` is the smallest real kernel loop: run the user, look at why it came back, serve the
call, run it again. Everything the kernel reads from the program goes through `uspace_read`, so a
bad pointer from the user is an error returned to the user, not a crash of the kernel.

`demo` is the boot program of chapter 1: it shows the timer ticking, then loads the program named by
the boot arguments (default `hello`) and runs it. */
#include "demo/demo.h"

#include <string.h>

#include "kernel/console.h"
#include "kernel/main.h"
#include "kernel/printk.h"
#include "kernel/timer.h"

static int64_t sys_write(struct uspace *us, vaddr_t buf, uint64_t len, struct demo_outcome *o)
{
    char chunk[128];
    for (uint64_t done = 0; done < len;) {
        size_t n = len - done < sizeof chunk ? len - done : sizeof chunk;
        if (uspace_read(us, buf + done, chunk, n))
            return -1;
        console_write(chunk, n);
        if (o->out && o->out_len + n < o->out_size) {
            memcpy(o->out + o->out_len, chunk, n);
            o->out_len += n;
            o->out[o->out_len] = '\0';
        }
        done += n;
    }
    return (int64_t)len;
}

/* Wait until the console has input (the serial interrupt puts it there), then hand the user what
   fits. */
static int64_t sys_read(struct uspace *us, vaddr_t buf, uint64_t len)
{
    char chunk[128];
    size_t n;
    if (len > sizeof chunk)
        len = sizeof chunk;
    while ((n = console_read(chunk, len)) == 0 && len > 0)
        hal_cpu_idle();
    return uspace_write(us, buf, chunk, n) ? -1 : (int64_t)n;
}

void demo_serve(struct uspace *us, struct hal_context *ctx, struct demo_outcome *o)
{
    hal_pt_activate(us->pt);
    for (;;) {
        hal_context_run(ctx, &o->trap);
        if (o->trap.kind == HAL_TRAP_INTERRUPT)
            continue;
        if (o->trap.kind != HAL_TRAP_SYSCALL) {
            o->exited = false;
            return;
        }
        int64_t ret = -1;
        switch (hal_context_syscall_nr(ctx)) {
        case DEMO_SYS_NULL:
            ret = 0;
            break;
        case DEMO_SYS_WRITE:
            ret =
                sys_write(us, hal_context_syscall_arg(ctx, 0), hal_context_syscall_arg(ctx, 1), o);
            break;
        case DEMO_SYS_READ:
            ret = sys_read(us, hal_context_syscall_arg(ctx, 0), hal_context_syscall_arg(ctx, 1));
            break;
        case DEMO_SYS_EXIT:
            o->exited = true;
            o->status = (int64_t)hal_context_syscall_arg(ctx, 0);
            return;
        }
        hal_context_set_return(ctx, (uint64_t)ret);
    }
}

static volatile int ticks;

static void tick(struct ktimer *t, void *arg)
{
    ticks++;
    kprintf("tick %d at %lu ms\n", ticks, (unsigned long)(hal_timer_now() / 1000000));
    if (ticks < 3)
        timer_start(t, t->deadline + 100000000, tick, arg);
}

static int demo(const char *args)
{
    static struct ktimer ticker;
    timer_start(&ticker, hal_timer_now() + 100000000, tick, NULL);
    while (ticks < 3)
        hal_cpu_idle();

    const char *name = *args ? args : "hello";
    struct uspace us;
    struct hal_context ctx;
    struct demo_outcome o = {0};
    if (uspace_create(&us)) {
        kprintf("out of memory\n");
        return 1;
    }
    int err = uspace_load_program(&us, name, &ctx);
    if (err) {
        kprintf("cannot load user program '%s' (error %d)\n", name, err);
        uspace_destroy(&us);
        return 1;
    }
    kprintf("running user program '%s'\n", name);
    demo_serve(&us, &ctx, &o);
    if (o.exited)
        kprintf("user program '%s' exited with status %ld\n", name, (long)o.status);
    else
        kprintf("user program '%s' stopped by %s at pc 0x%lx (address 0x%lx)\n", name,
                hal_trap_name(o.trap.kind), (unsigned long)hal_context_pc(&ctx),
                (unsigned long)o.trap.addr);
    uspace_destroy(&us);
    return 0;
}
BOOT_PROGRAM(demo, 1);
