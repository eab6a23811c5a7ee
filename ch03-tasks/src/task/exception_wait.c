/*: # Waiting for a handler

The faulting thread blocks in the one blocking function (object/waiter.h) until its exception reports
a verdict, or until the thread is cancelled (killed, or its process dying), in which case it abandons
the exception. */
#include "task/exception.h"

uint32_t exception_wait(struct exception_waiter *w)
{
    wait_block(&w->waiter, HAL_NO_DEADLINE, ZX_THREAD_STATE_BLOCKED_EXCEPTION);
    return exception_abandon(w);
}
