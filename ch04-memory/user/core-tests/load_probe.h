/*: # Does a load fault? For the tests

A test that expects a page fault cannot take it on its own thread: nobody would catch it, and the
test program would be killed. `load_fault` lets a new thread of this process do the load, with an
exception channel bound to it first, and reports what happened: no exception, or the exception's
type. A faulting thread is ended through its exception (`ZX_EXCEPTION_STATE_THREAD_EXIT`), so the
program goes on. */
#ifndef ZINC_LOAD_PROBE_H
#define ZINC_LOAD_PROBE_H

#include "zircon/exception.h"
#include "zircon/syscalls.h"

/* Load the word at addr on another thread: 0 if that worked, else the type of the exception it
   raised (ZX_EXCP_FATAL_PAGE_FAULT for a page fault); ZX_EXCP_GENERAL after a recorded failure to
   run it. */
zx_excp_type_t load_fault(const volatile uint64_t *addr);

#endif
