/*: # LibOS against its host

The same round trip measured in the same run beside the host's cheapest system call, `getppid()`,
which enters and leaves the Linux kernel without doing any work. The ratio is what running user code
through Syscall User Dispatch costs over a real kernel entry.

The round trip also depends on how the thread pointer is switched (arch/libos/tls.c): the benchmark
says which way this kernel chose, and where the CPU allows both, measures the other one too, on a
new host thread (a thread keeps the way it had when it first ran user code). */
#include <sys/syscall.h>
#include <unistd.h>

#include "context_bench.h"
#include "hal/hal.h"
#include "kernel/kbench.h"
#include "kernel/printk.h"
#include "libos.h"

#define CALLS 100000

static uint64_t host_getppid_ns(uint64_t calls)
{
    uint64_t start = hal_timer_now();
    for (uint64_t i = 0; i < calls; i++)
        syscall(SYS_getppid); /* through syscall(), so the C library cannot cache the answer */
    return (hal_timer_now() - start) / calls;
}

struct other_path {
    uint64_t ns;
    bool done; /* atomic */
    struct hal_thread *waiter;
};

static void measure_on_this_thread(void *p)
{
    struct other_path *run = p;
    bench_null_roundtrip_ns(1000); /* warm up */
    run->ns = bench_null_roundtrip_ns(CALLS);
    __atomic_store_n(&run->done, true, __ATOMIC_RELEASE);
    hal_thread_wake(run->waiter);
}

/* The round trip on a new host thread that takes the given path; 0 if no thread could start. */
static uint64_t roundtrip_on_path(enum libos_tls_path path)
{
    enum libos_tls_path chosen = libos_tls_path();
    struct other_path run = {.waiter = hal_thread_current()};
    libos_tls_set_path(path);
    if (hal_thread_spawn(measure_on_this_thread, &run) == 0)
        while (!__atomic_load_n(&run.done, __ATOMIC_ACQUIRE))
            hal_thread_park(HAL_NO_DEADLINE);
    libos_tls_set_path(chosen);
    return run.ns;
}

KBENCH(libos_vs_host)
{
    enum libos_tls_path chosen = libos_tls_path();
    kprintf("  thread pointer switched with %s\n", libos_tls_path_name(chosen));
    bench_null_roundtrip_ns(1000); /* warm up */
    uint64_t zinc = bench_null_roundtrip_ns(CALLS);
    uint64_t host = host_getppid_ns(10 * CALLS);
    kbench_report("null syscall round trip (context_run)", zinc, "ns");
    kbench_report("host getppid()", host, "ns");
    kbench_report_ratio("round trip / getppid()", zinc, host);
    enum libos_tls_path other =
        chosen == LIBOS_TLS_FSGSBASE ? LIBOS_TLS_SYSCALL : LIBOS_TLS_FSGSBASE;
    if (!libos_tls_path_available(other)) {
        kprintf("  (the %s are not available here)\n", libos_tls_path_name(other));
        return;
    }
    kprintf("  and with %s:\n", libos_tls_path_name(other));
    kbench_report("null syscall round trip (context_run)", roundtrip_on_path(other), "ns");
}
