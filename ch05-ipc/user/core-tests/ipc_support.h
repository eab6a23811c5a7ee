/*: # Helpers for the socket and FIFO tests

Fuchsia's socket and FIFO tests pass the kernel buffers it cannot use: memory mapped without the
permission the copy needs, or a buffer that runs off the end of a mapping into a page nobody
mapped. These helpers make such buffers from VMOs mapped into the test's own address space, and
run a function on a second thread of the test's process, for the tests that wait for a signal
another thread causes. Each records a failure in the current test (zxtest.h) when it cannot do
its job. */
#ifndef ZINC_IPC_SUPPORT_H
#define ZINC_IPC_SUPPORT_H

#include "zircon/syscalls.h"

#define PAGE 4096u

/* A fresh zeroed VMO of size bytes mapped here with perms (ZX_VM_PERM_*, possibly none); 0 after a
   recorded failure. */
uintptr_t map_fresh(size_t size, uint32_t perms);

/* size readable and writable bytes followed by a page that is not mapped; 0 after a recorded
 * failure. */
uintptr_t map_before_hole(size_t size);

/* Take a mapping of size bytes at addr away. */
void unmap_fresh(uintptr_t addr, size_t size);

/* Start fn(arg) on a new thread of this process, and wait for it to end. */
zx_handle_t helper_thread_start(void (*fn)(uintptr_t arg), uintptr_t arg);
void helper_thread_join(zx_handle_t thread);

#endif
