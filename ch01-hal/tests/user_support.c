/*: # Running a user program from a test, implemented */
#include "user_support.h"

#include <string.h>

int user_run_load(struct user_run *r, const char *program, uint64_t arg0, uint64_t arg1)
{
    memset(&r->outcome, 0, sizeof r->outcome);
    r->out[0] = '\0';
    int err = uspace_create(&r->us);
    if (err)
        return err;
    err = uspace_load_program(&r->us, program, &r->ctx);
    if (err) {
        uspace_destroy(&r->us);
        return err;
    }
    hal_context_set_arg(&r->ctx, 0, arg0);
    hal_context_set_arg(&r->ctx, 1, arg1);
    return 0;
}

void user_run_to_trap(struct user_run *r, struct hal_trap *trap)
{
    hal_pt_activate(r->us.pt);
    do
        hal_context_run(&r->ctx, trap);
    while (trap->kind == HAL_TRAP_INTERRUPT);
}

void user_run_serve(struct user_run *r)
{
    r->outcome.out = r->out;
    r->outcome.out_size = sizeof r->out;
    demo_serve(&r->us, &r->ctx, &r->outcome);
}

void user_run_free(struct user_run *r)
{
    uspace_destroy(&r->us);
}
