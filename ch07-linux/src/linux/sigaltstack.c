/*: # The alternate signal stack: the call, and where a frame goes

`sigaltstack(ss, old_ss)` reads the old setting before it sets the new one, so one call can swap
them. The reported `ss_flags` say `SS_DISABLE` when there is no alternate stack and `SS_ONSTACK`
while the caller runs on it (then it may not be changed: `-EPERM`); `SS_AUTODISARM` is kept as set.
A stack smaller than `MINSIGSTKSZ` (2048 bytes, on both architectures) is `-ENOMEM`.

"On the stack" is Linux's test: above its base and at most its size above, so that the top itself,
where a stack pointer starts, counts, and the base does not. A stack set with `SS_AUTODISARM` is
never "on": a handler started on it can always set it again. */
#include "linux/sigaltstack.h"

#include "linux/syscall.h"
#include "linux/uaccess.h"

static bool on_altstack(const struct linux_thread *lt, uint64_t sp)
{
    if (lt->altstack_flags & SS_AUTODISARM)
        return false;
    return sp > lt->altstack_sp && sp - lt->altstack_sp <= lt->altstack_size;
}

/* The flags sigaltstack reports with the stack pointer sp. */
static int reported_flags(const struct linux_thread *lt, uint64_t sp)
{
    int mode = !lt->altstack_size ? SS_DISABLE : on_altstack(lt, sp) ? SS_ONSTACK : 0;
    return mode | (lt->altstack_flags & SS_AUTODISARM);
}

/* Set lt's alternate stack to ss, for a caller at stack pointer sp: 0 or -errno. */
static int set_altstack(struct linux_thread *lt, const stack_t *ss, uint64_t sp)
{
    unsigned mode = (unsigned)ss->ss_flags & ~SS_AUTODISARM;
    if (on_altstack(lt, sp))
        return -EPERM;
    if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
        return -EINVAL;
    bool disable = mode == SS_DISABLE;
    if (!disable && ss->ss_size < MINSIGSTKSZ)
        return -ENOMEM;
    lt->altstack_sp = disable ? 0 : (uint64_t)ss->ss_sp;
    lt->altstack_size = disable ? 0 : ss->ss_size;
    lt->altstack_flags = ss->ss_flags;
    return 0;
}

static int64_t linux_sigaltstack(const uint64_t *arg)
{
    struct thread *t = thread_current();
    struct linux_thread *lt = t->personality_state;
    uint64_t sp = hal_context_sp(t->ctx);
    stack_t old = {
        .ss_sp = (void *)lt->altstack_sp,
        .ss_size = lt->altstack_size,
        .ss_flags = reported_flags(lt, sp),
    };
    if (arg[0]) {
        stack_t ss;
        if (copy_from_user(&ss, arg[0], sizeof ss))
            return -EFAULT;
        int err = set_altstack(lt, &ss, sp);
        if (err)
            return err;
    }
    return arg[1] ? copy_to_user(arg[1], &old, sizeof old) : 0;
}
LINUX_SYSCALL(sigaltstack, linux_sigaltstack);

/* As Linux: the frame goes at the top of the alternate stack when the handler asks for it, there is
   one, and the free part of the interrupted stack is not on it already. Whenever the frame is on
   the alternate stack, it must fit there: below its base is someone else's memory. */
struct sigframe_stack linux_altstack_frame_stack(const struct linux_thread *lt,
                                                 const struct hal_context *ctx,
                                                 const struct linux_sigaction *act)
{
    struct sigframe_stack where = {sigframe_stack_top(ctx), 0};
    bool on = on_altstack(lt, hal_context_sp(ctx));
    if ((act->flags & SA_ONSTACK) && lt->altstack_size && !on_altstack(lt, where.top)) {
        where.top = lt->altstack_sp + lt->altstack_size;
        on = true;
    }
    if (on)
        where.bottom = lt->altstack_sp;
    return where;
}

stack_t linux_altstack_save(struct linux_thread *lt)
{
    stack_t kept = {
        .ss_sp = (void *)lt->altstack_sp,
        .ss_size = lt->altstack_size,
        .ss_flags = lt->altstack_size ? lt->altstack_flags : SS_DISABLE,
    };
    if (lt->altstack_flags & SS_AUTODISARM)
        linux_altstack_reset(lt);
    return kept;
}

void linux_altstack_restore(struct linux_thread *lt, const stack_t *ss, uint64_t sp)
{
    (void)set_altstack(lt, ss, sp);
}

void linux_altstack_reset(struct linux_thread *lt)
{
    lt->altstack_sp = lt->altstack_size = 0;
    lt->altstack_flags = SS_DISABLE;
}
