/*: # LibOS against its host

The same round trip measured in the same run beside the host's cheapest system call, `getppid()`, which
enters and leaves the Linux kernel without doing any work. The ratio is what running user code through
Syscall User Dispatch costs over a real kernel entry. */
#include <sys/syscall.h>
#include <unistd.h>

#include "context_bench.h"
#include "hal/hal.h"
#include "kernel/kbench.h"

static uint64_t host_getppid_ns(uint64_t calls)
{
    uint64_t start = hal_timer_now();
    for (uint64_t i = 0; i < calls; i++)
        syscall(SYS_getppid); /* through syscall(), so the C library cannot cache the answer */
    return (hal_timer_now() - start) / calls;
}

KBENCH(libos_vs_host)
{
    bench_null_roundtrip_ns(1000); /* warm up */
    uint64_t zinc = bench_null_roundtrip_ns(100000);
    uint64_t host = host_getppid_ns(1000000);
    kbench_report("null syscall round trip (context_run)", zinc, "ns");
    kbench_report("host getppid()", host, "ns");
    kbench_report_ratio("round trip / getppid()", zinc, host);
}
