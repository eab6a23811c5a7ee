/*: # Running a user program from a test

The tests of this chapter play the kernel: they load one of the small programs of `user/`, start it
with chosen arguments, and look at how it ended. */
#ifndef ZINC_TEST_USER_SUPPORT_H
#define ZINC_TEST_USER_SUPPORT_H

#include "demo/demo.h"

struct user_run {
    struct uspace us;
    struct hal_context ctx;
    struct demo_outcome outcome;
    char out[256];
};

/* Load program into a new address space and set its first two arguments. 0, or a HAL_E* code. */
int user_run_load(struct user_run *r, const char *program, uint64_t arg0, uint64_t arg1);

/* Run the program (in its own address space) to its next trap that is not an interrupt: any device
   may interrupt a program at any time. The test then plays the kernel itself. */
void user_run_to_trap(struct user_run *r, struct hal_trap *trap);

/* Serve the program with the demo kernel until it exits or faults. */
void user_run_serve(struct user_run *r);

void user_run_free(struct user_run *r);

#endif
