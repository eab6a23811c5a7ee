/*: # Running a small user program over a VMAR

Chapter 4's kernel tests, and its benchmark, load one of chapter 1's small user programs
(user_support.h) and give its page table a VMAR, so that its loads and stores go through mappings.
`vm_user_run` runs the program from its start with two arguments and serves its page faults from the
VMAR, as a process's thread loop does: ZX_OK when the program exits, the status of a fault that
could not be served, ZX_ERR_INTERNAL for a trap that is not a page fault.

These programs touch at most a few hundred pages. A fault that was served and still comes back means
the access was misread (a write reported as a read, which is what the stub of chapter 1's
fault-access lab does): after `VM_USER_MAX_FAULTS` faults the run stops with ZX_ERR_BAD_STATE
instead of serving the same fault for ever, so a test fails at once rather than at the grader's time
limit. */
#ifndef ZINC_VM_USER_H
#define ZINC_VM_USER_H

#include "user_support.h"
#include "vm/vmar.h"

#define VM_USER_MAX_FAULTS 1024

zx_status_t vm_user_run(struct user_run *r, struct vmar *root, uint64_t arg0, uint64_t arg1);

#endif
