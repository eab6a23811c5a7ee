/*: # Calling system calls from a test, implemented */
#include "sys_support.h"

int sys_env_init(struct sys_env *env)
{
    handle_table_init(&env->handles);
    int err = uspace_create(&env->us);
    if (!err)
        err = uspace_map_new(&env->us, SCRATCH_VA, SCRATCH_SIZE, HAL_MMU_READ | HAL_MMU_WRITE);
    if (!err)
        err = uspace_map_new(&env->us, READONLY_VA, PAGE_SIZE, HAL_MMU_READ);
    env->caller = (struct zx_caller){.handles = &env->handles, .memory = &env->us};
    env->previous = hal_thread_local();
    zx_caller_set_current(&env->caller);
    return err;
}

void sys_env_free(struct sys_env *env)
{
    handle_table_destroy(&env->handles);
    uspace_destroy(&env->us);
    hal_thread_set_local(env->previous);
}

uaddr_t scratch(size_t off)
{
    return SCRATCH_VA + off;
}

uint32_t scratch_u32(struct sys_env *env, size_t off)
{
    uint32_t v = 0;
    uspace_read(&env->us, SCRATCH_VA + off, &v, sizeof v);
    return v;
}

uint64_t scratch_u64(struct sys_env *env, size_t off)
{
    uint64_t v = 0;
    uspace_read(&env->us, SCRATCH_VA + off, &v, sizeof v);
    return v;
}

void scratch_put(struct sys_env *env, size_t off, const void *data, size_t len)
{
    uspace_write(&env->us, SCRATCH_VA + off, data, len);
}
