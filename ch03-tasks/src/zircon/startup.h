/*: # Zinc's start-up message

When a process starts, its first thread receives one handle, to a channel, and in that channel one message:
the process's arguments and the handles it starts with. Fuchsia calls this *processargs*; Zinc's message is
a simpler version of the same idea. The kernel writes it for the first program (userboot); after that a
parent writes it for its children. User code reads it in its start-up (user/lib/start.c) before `main`.

Bytes: a `struct zinc_startup` header, then `args_size` bytes holding `argc` strings, each ending in a zero
byte. Handles, in this order: the process itself, its first thread, the job to create children in, then
any others the parent chose to pass. */
#ifndef ZIRCON_STARTUP_H
#define ZIRCON_STARTUP_H

#include "zircon/types.h"

#define ZINC_STARTUP_MAGIC 0x7a696e63u /* "zinc" */
#define ZINC_STARTUP_PROCESS 0
#define ZINC_STARTUP_THREAD 1
#define ZINC_STARTUP_JOB 2
#define ZINC_STARTUP_FIRST_EXTRA 3

struct zinc_startup {
    uint32_t magic;
    uint32_t argc;
    uint32_t args_size;
    uint32_t reserved;
};

#endif
