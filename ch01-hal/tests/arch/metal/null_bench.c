/*: # The round trip on bare metal

Here the trip is the CPU's own: `syscall`/`ecall` into the trap vector, and `sysret`/`sret` back. */
#include "context_bench.h"
#include "kernel/kbench.h"

KBENCH(null_syscall)
{
    bench_null_roundtrip_ns(1000); /* warm up */
    kbench_report("null syscall round trip (context_run)", bench_null_roundtrip_ns(100000), "ns");
}
