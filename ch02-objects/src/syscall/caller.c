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

zx_status_t caller_handle_get(zx_handle_t value, zx_obj_type_t type, zx_rights_t need,
                              struct kobject **obj, zx_rights_t *rights)
{
    return handle_table_get(zx_caller_current()->handles, value, type, need, obj, rights);
}
