/*: # Zinc's start-up message

When a process starts, its first thread receives one handle, to a channel, and in that channel one
message: the process's arguments and the handles it starts with. Fuchsia calls this *processargs*;
Zinc's message is a simpler version of the same idea. The kernel writes it for the first program
(userboot); after that a parent writes it for its children. User code reads it in its start-up
(user/lib/start.c) before `main`.

Bytes: a `struct zinc_startup` header, then one 32-bit *handle info* word for each handle of the
message (`handle_count` of them, in the order of the handles), then `args_size` bytes holding `argc`
strings, each ending in a zero byte. A handle info says what its handle is for, with Fuchsia's
numbers: `PA_HND(type, arg)`, the type in the low byte and an argument in the upper half. The
process itself, its first thread and the job to create children in always come; the root of the
process's address space comes when the kernel has one (chapter 4 gives every process a root VMAR);
`PA_USER0` numbers any others the parent chose to pass. */
#ifndef ZIRCON_STARTUP_H
#define ZIRCON_STARTUP_H

#include "zircon/types.h"

#define ZINC_STARTUP_MAGIC 0x7a696e63u /* "zinc" */
#define ZINC_STARTUP_MAX_HANDLES 16
/* the parent's own, after the four below */
#define ZINC_STARTUP_MAX_EXTRA (ZINC_STARTUP_MAX_HANDLES - 4)

#define PA_PROC_SELF 0x01u   /* the process itself */
#define PA_THREAD_SELF 0x02u /* its first thread */
#define PA_JOB_DEFAULT 0x03u /* the job its children are made in */
#define PA_VMAR_ROOT 0x04u   /* the root VMAR of its address space */
#define PA_USER0 0xf0u       /* the parent's own: the argument numbers them from 0 */

#define PA_HND(type, arg) (((type) & 0xffu) | (((arg) & 0xffffu) << 16))
#define PA_HND_TYPE(info) ((info) & 0xffu)
#define PA_HND_ARG(info) (((info) >> 16) & 0xffffu)

struct zinc_startup {
    uint32_t magic;
    uint32_t argc;
    uint32_t args_size;
    uint32_t handle_count; /* the handle info words that follow this header */
};

#endif
