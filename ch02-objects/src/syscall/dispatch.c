/*: # Dispatching a system call, implemented */
#include "syscall/dispatch.h"

#include <string.h>

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
    return e->call(args);
}
