/*: # On whose behalf, implemented */
#include "syscall/caller.h"

#include "kernel/panic.h"

struct zx_caller *zx_caller_current(void)
{
    struct zx_caller *caller = hal_thread_local();
    kassert(caller != NULL);
    return caller;
}

void zx_caller_set_current(struct zx_caller *caller)
{
    hal_thread_set_local(caller);
}
