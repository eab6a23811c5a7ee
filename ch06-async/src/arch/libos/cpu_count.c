/*: # LibOS: the CPUs, counted

A kernel thread of the LibOS is a host thread, which the host's scheduler runs on any of its CPUs;
so the kernel runs as many executor threads as the host has CPUs online, up to `MAX_CPUS` (more
would only add threads that wait for work). */
#include <unistd.h>

#include "hal/cpu_count.h"

#define MAX_CPUS 8

unsigned hal_cpu_count(void)
{
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    return online < 1 ? 1 : online > MAX_CPUS ? MAX_CPUS : (unsigned)online;
}
