/*: # The cost of a round trip into the kernel

The user program `null` makes N null system calls in a loop; the kernel serves each one at once. The
time per call is a whole round trip: user to kernel, `hal_context_run` returning, the kernel's
dispatch, and back into user mode. On LibOS the trip goes through the host's signal delivery; on
bare metal through the CPU's own trap. Each target's benchmark (tests/arch/) reports it, beside what
it can be compared with. */
#include "context_bench.h"

#include "user_support.h"

uint64_t bench_null_roundtrip_ns(uint64_t calls)
{
    struct user_run r;
    if (user_run_load(&r, "null", calls, 0))
        return 0;
    uint64_t start = hal_timer_now();
    user_run_serve(&r);
    uint64_t elapsed = hal_timer_now() - start;
    user_run_free(&r);
    return elapsed / calls;
}
