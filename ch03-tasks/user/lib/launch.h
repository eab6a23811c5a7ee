/*: # Launching processes and threads

What a parent does to start a child, the way Fuchsia's launchpad and `fdio_spawn` do it, on Zinc's
system calls: create the process in a job, load its program from the boot filesystem
(`zinc_process_load`), create its first thread, write the start-up message (zircon/startup.h) into a
new channel, and start it with the other end as its bootstrap handle. The child's `_start` (start.S)
calls `zinc_start` (start.c), which reads the message and calls `main`.

Launching is two steps, so that a parent can act between them, on a process that exists but has not
run yet: bind an exception channel to it, say. `zinc_launch` does both.

`zinc_thread_start` runs a function on a new thread of the caller's own process, on a stack the
caller provides; when the function returns, the thread exits. */
#ifndef ZINC_LAUNCH_H
#define ZINC_LAUNCH_H

#include "zircon/syscalls.h"

struct zinc_launch {
    zx_handle_t process, thread; /* the new process and its first thread */
    zx_handle_t bootstrap;       /* the end of the bootstrap channel the child will receive */
    zx_handle_t vmar; /* the child's root VMAR (chapter 4 on; ZX_HANDLE_INVALID before), for
                         the parent to map into it before it starts; closed by the start
                         unless the parent takes it (and sets this to
                         ZX_HANDLE_INVALID) */
    uintptr_t entry, stack;
};

/* Create a process named argv[0] in job, running the program argv[0] with argc arguments, its
   start-up message written but not started. The child receives handles to itself, its thread, job
   and its root VMAR if it has one (all duplicated), then the n_extra handles of extra, which move
   to it, as PA_HND(PA_USER0, 0) and on. On failure nothing is left over and the extra handles are
   closed. */
zx_status_t zinc_launch_prepare(zx_handle_t job, int argc, const char *const *argv,
                                const zx_handle_t *extra, uint32_t n_extra, struct zinc_launch *l);

/* Start a prepared process; *process receives its handle (the thread handle is closed). */
zx_status_t zinc_launch_start(struct zinc_launch *l, zx_handle_t *process);

/* Both steps. */
zx_status_t zinc_launch(zx_handle_t job, int argc, const char *const *argv,
                        const zx_handle_t *extra, uint32_t n_extra, zx_handle_t *process);

/* Start thread (of this process, made by zx_thread_create) running fn(arg) on the stack_size bytes
   at stack. */
zx_status_t zinc_thread_start(zx_handle_t thread, void (*fn)(uintptr_t arg), uintptr_t arg,
                              void *stack, size_t stack_size);

/* Wait for the process to end, and read its return code. */
zx_status_t zinc_process_wait(zx_handle_t process, int64_t *return_code);

#endif
