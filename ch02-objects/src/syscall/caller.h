/*: # On whose behalf: the caller

A system call acts for a process: it resolves handle values in that process's table and reads and
writes that process's memory. `struct zx_caller` is exactly that much of a process, and each kernel
thread that runs user code points its thread-local pointer (`hal_thread_set_local`) at the caller it
serves. Chapter 3's Process and Thread objects fill it in; the tests of this chapter make one by
hand. */
#ifndef ZINC_CALLER_H
#define ZINC_CALLER_H

#include "kernel/uspace.h"
#include "object/handle.h"

struct zx_caller {
    struct handle_table *handles;
    struct uspace *memory;
    /* If not NULL: make the page at va accessible (HAL_MMU_READ or HAL_MMU_WRITE) if the caller's
       address space allows it, as a page fault would; ZX_OK if it now is. Chapter 4's lazily filled
       mappings. */
    zx_status_t (*fault_in)(struct zx_caller *caller, vaddr_t va, unsigned access);
};

/* The caller this kernel thread serves (never NULL inside a system call). */
struct zx_caller *zx_caller_current(void);
void zx_caller_set_current(struct zx_caller *caller);

/* Look a handle value up in the caller's table: handle_table_get (object/handle.h) on
   zx_caller_current()->handles, which is what almost every system call does first. */
zx_status_t caller_handle_get(zx_handle_t value, zx_obj_type_t type, zx_rights_t need,
                              struct kobject **obj, zx_rights_t *rights);

#endif
