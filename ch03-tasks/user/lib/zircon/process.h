/*: # A process's own handles

As in Fuchsia's `zircon/process.h`: the handles a program starts with, kept by the start-up code.
Each is ZX_HANDLE_INVALID when the start-up message brought none (a process has a root VMAR from
chapter 4 on). */
#ifndef ZIRCON_PROCESS_H
#define ZIRCON_PROCESS_H

#include "zircon/types.h"

zx_handle_t zx_process_self(void);
zx_handle_t zx_thread_self(void);
zx_handle_t zx_job_default(void);
zx_handle_t zx_vmar_root_self(void);

/* The handle the parent passed as PA_HND(PA_USER0, i), or ZX_HANDLE_INVALID. */
zx_handle_t zinc_startup_handle(uint32_t i);

#endif
