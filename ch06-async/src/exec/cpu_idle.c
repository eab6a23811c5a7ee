/*: # How a CPU idles, today: by parking its kernel thread */
#include "exec/cpu_idle.h"

void exec_cpu_init(struct exec_cpu *cpu)
{
    *cpu = (struct exec_cpu){.thread = hal_thread_current()};
}

bool exec_cpu_sleep(struct exec_cpu *cpu, uint64_t deadline)
{
    return hal_thread_park(deadline);
}

void exec_cpu_kick(struct exec_cpu *cpu)
{
    hal_thread_wake(cpu->thread);
}

void exec_cpu_forget_kick(struct exec_cpu *cpu)
{
    hal_thread_park(0); /* a deadline already past: takes the token if it is set, never waits */
}
