/*: # A child that touches memory, for the tests

Several groups of tests need the same thing: a vm-touch child process (user/vm-touch.c), prepared
but not started, into whose root VMAR the test maps VMOs, and a mailbox VMO through which the test
tells the child where the mapping is and what to store. The child's return code, or the kill of an
uncaught fault, says what it saw. */
#ifndef ZINC_VM_CHILD_H
#define ZINC_VM_CHILD_H

#include "launch.h"

#define VM_CHILD_PAGE 4096u

struct vm_child {
    struct zinc_launch l;
    zx_handle_t mailbox; /* ours; the child has a duplicate */
};

/* Prepare a vm-touch child doing op ("read", "write" or "copy"), with a mailbox. */
zx_status_t vm_child_prepare(struct vm_child *c, const char *op);

/* Map a page of vmo into the child with perms, and tell the child where (and value, for "write").
   Returns the address, 0 if the map failed. */
uintptr_t vm_child_map(struct vm_child *c, zx_handle_t vmo, uint32_t perms, uint64_t value);

/* Start the child and wait for it: its return code, -1 if it could not start. */
int64_t vm_child_run(struct vm_child *c);

/* Start the child without waiting; *process is its handle. */
zx_status_t vm_child_start(struct vm_child *c, zx_handle_t *process);

#endif
