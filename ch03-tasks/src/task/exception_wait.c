/*: # Waiting for a handler

The second place where a thread blocks, after object/wait.c, and kept as small for the same reason:
chapter 6 replaces it, to make the stopped thread a future that costs no stack while a handler thinks.
The faulting thread parks until its exception reports a verdict, or until the thread must stop (killed,
or its process dying), in which case it abandons the exception. */
#include "syscall/caller.h"
#include "task/exception.h"

uint32_t exception_wait(struct exception_waiter *w)
{
    while (!__atomic_load_n(&w->done, __ATOMIC_ACQUIRE) && !zx_caller_stopping())
        hal_thread_park(HAL_NO_DEADLINE);
    return exception_abandon(w);
}
