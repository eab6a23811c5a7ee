/*: # Does an access fault? For the tests

A test that expects a page fault cannot take it on its own thread: nobody would catch it, and the
test program would be killed. `load_fault` and `store_fault` let a new thread of this process make
the access, with an exception channel bound to it first, and report what happened: no exception, or
the exception's type. A faulting thread is ended through its exception
(`ZX_EXCEPTION_STATE_THREAD_EXIT`), so the program goes on. Fuchsia's tests have `probe_for_read`
and `probe_for_write` for the same. */
#ifndef ZINC_ACCESS_PROBE_H
#define ZINC_ACCESS_PROBE_H

#include "zircon/exception.h"
#include "zircon/syscalls.h"

/* Load the word at addr (or store its own value back, for store_fault) on another thread: 0 if that
   worked, else the type of the exception it raised (ZX_EXCP_FATAL_PAGE_FAULT for a page fault);
   ZX_EXCP_GENERAL after a recorded failure to run it. */
zx_excp_type_t load_fault(const volatile uint64_t *addr);
zx_excp_type_t store_fault(volatile uint64_t *addr);

#endif
