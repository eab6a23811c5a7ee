/*: # Chapter 1's demo kernel

A kernel of four system calls, enough to show a user program running and talking to the kernel. Its
numbers are chapter 1's own; chapter 3 brings the real Zircon table and chapter 7 Linux's.

| number | call               | does                                                             |
|--------|--------------------|------------------------------------------------------------------|
| 0      | `null()`           | nothing: returns 0 (what the benchmark measures)                 |
| 1      | `write(buf, len)`  | prints len bytes from user memory; returns len, or -1            |
| 2      | `exit(status)`     | ends the program                                                 |
| 3      | `read(buf, len)`   | waits for input; copies up to len bytes; returns how many, or -1 |

Any other number returns -1. */
#ifndef ZINC_DEMO_H
#define ZINC_DEMO_H

#include "hal/hal.h"
#include "kernel/uspace.h"

enum { DEMO_SYS_NULL, DEMO_SYS_WRITE, DEMO_SYS_EXIT, DEMO_SYS_READ };

struct demo_outcome {
    bool exited;          /* true: the program called exit; false: it faulted */
    int64_t status;       /* exit status */
    struct hal_trap trap; /* the fault that stopped it */
    char *out;            /* if not NULL, its writes are also captured here (NUL-terminated) */
    size_t out_size, out_len;
};

/* Run the program in ctx, in address space us, until it exits or faults. */
void demo_serve(struct uspace *us, struct hal_context *ctx, struct demo_outcome *o);

#endif
