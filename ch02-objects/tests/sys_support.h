/*: # Calling system calls from a test

The tests of this chapter play a user process: a handle table, an address space with one scratch
region of user memory, and a caller that points at both. System calls then run exactly as they will
for a real program in chapter 3, user pointers included: a test passes addresses in the scratch
region, or bad ones. */
#ifndef ZINC_TEST_SYS_SUPPORT_H
#define ZINC_TEST_SYS_SUPPORT_H

#include "syscall/caller.h"
#include "syscall/sys.h"

#define SCRATCH_VA 0x30000000ul
#define SCRATCH_SIZE (2 * PAGE_SIZE)
/* one read-only page right after the scratch region */
#define READONLY_VA (SCRATCH_VA + SCRATCH_SIZE)
#define UNMAPPED_VA 0x38000000ul

struct sys_env {
    struct handle_table handles;
    struct uspace us;
    struct zx_caller caller;
    void *previous;
};

/* 0, or a HAL_E* code. Makes env the current caller. */
int sys_env_init(struct sys_env *env);
void sys_env_free(struct sys_env *env);

/* The address of byte off of the scratch region, and access to it from the kernel side. */
uaddr_t scratch(size_t off);
uint32_t scratch_u32(struct sys_env *env, size_t off);
uint64_t scratch_u64(struct sys_env *env, size_t off);
void scratch_put(struct sys_env *env, size_t off, const void *data, size_t len);

#endif
