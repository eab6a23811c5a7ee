/*: # Dispatching a system call, implemented

A call whose wait ended with `WAIT_RESTART` (object/waiter.h) is simply run again, arguments and
all, as Fuchsia's kernel runs again a call it interrupted: its deadline is absolute, so it waits no
longer than it was asked to. */
#include "syscall/dispatch.h"

#include <string.h>

#include "object/waiter.h"
#include "syscall/user_copy.h"

int64_t zx_syscall_dispatch(uint64_t nr, const uint64_t regs[SYSCALL_REGISTER_ARGS])
{
    if (nr >= syscall_table_size || !syscall_table[nr].call)
        return ZX_ERR_BAD_SYSCALL;
    const struct syscall_entry *e = &syscall_table[nr];
    uint64_t args[SYSCALL_MAX_ARGS] = {0};
    memcpy(args, regs, sizeof(uint64_t) * SYSCALL_REGISTER_ARGS);
    if (e->nargs > SYSCALL_REGISTER_ARGS) {
        /* The sixth register points at the arguments from the sixth on. */
        int spilled = e->nargs - (SYSCALL_REGISTER_ARGS - 1);
        if (user_copy_in(&args[SYSCALL_REGISTER_ARGS - 1], regs[SYSCALL_REGISTER_ARGS - 1],
                         sizeof(uint64_t) * spilled) != ZX_OK)
            return ZX_ERR_INVALID_ARGS;
    }
    int64_t result;
    while ((result = e->call(args)) == WAIT_RESTART)
        continue;
    return result;
}
