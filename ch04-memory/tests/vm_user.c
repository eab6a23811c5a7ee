/*: # Running a small user program over a VMAR, implemented */
#include "vm_user.h"

zx_status_t vm_user_run(struct user_run *r, struct vmar *root, uint64_t arg0, uint64_t arg1)
{
    hal_context_init(&r->ctx, USER_PROGRAM_BASE, USER_STACK_TOP);
    hal_context_set_arg(&r->ctx, 0, arg0);
    hal_context_set_arg(&r->ctx, 1, arg1);
    for (int faults = 0; faults < VM_USER_MAX_FAULTS; faults++) {
        user_run_serve(r);
        if (r->outcome.exited)
            return ZX_OK;
        if (r->outcome.trap.kind != HAL_TRAP_PAGE_FAULT)
            return ZX_ERR_INTERNAL;
        zx_status_t status =
            vm_space_fault(root->space, r->outcome.trap.addr, r->outcome.trap.access);
        if (status != ZX_OK)
            return status;
    }
    return ZX_ERR_BAD_STATE;
}
