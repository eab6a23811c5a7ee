/*: # A process's own handles

As in Fuchsia's `zircon/process.h`: the handles every program starts with, kept by the start-up code. */
#ifndef ZIRCON_PROCESS_H
#define ZIRCON_PROCESS_H

#include "zircon/types.h"

zx_handle_t zx_process_self(void);
zx_handle_t zx_thread_self(void);
zx_handle_t zx_job_default(void);

/* The i-th handle the parent passed beyond the standard three, or ZX_HANDLE_INVALID. */
zx_handle_t zinc_startup_handle(uint32_t i);

#endif
