/*: # The Zircon personality

Every process's personality until chapter 7 brings a second one (task/personality.h). Its system
calls go to the table that chapter 2's dispatcher indexes by Zircon's numbers, with the six
argument registers; its faults are exceptions, offered to the handlers of the thread, its process
and its jobs. It keeps no state of its own: everything a Zircon program has is a kernel object it
holds a handle to. It is also the answer for a program file no registered personality claims. */
#include "syscall/dispatch.h"
#include "task/exception.h"
#include "task/personality.h"

static int64_t zircon_syscall(struct thread *t)
{
    uint64_t regs[SYSCALL_REGISTER_ARGS];
    for (int i = 0; i < SYSCALL_REGISTER_ARGS; i++)
        regs[i] = hal_context_syscall_arg(t->ctx, i);
    return zx_syscall_dispatch(hal_context_syscall_nr(t->ctx), regs);
}

const struct personality *personality_of_program(const uint8_t *head, size_t len)
{
    TABLE_FOREACH(const struct personality *, personalities, p)
        if ((*p)->claims && (*p)->claims(head, len))
            return *p;
    return &zircon_personality;
}

const struct personality zircon_personality = {
    .name = "zircon",
    .syscall = zircon_syscall,
    .fault = exception_raise,
};
