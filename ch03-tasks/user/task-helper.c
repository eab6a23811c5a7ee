/*: # task-helper: a child for the task tests and the demo

A small program that other programs launch (user/lib/launch.c) to see what a process does from the
outside. Its first argument says what to do:

- `exit N`: say hello and end with return code N;
- `spin`: loop for ever without a system call, for tests of preemption and of killing;
- `work N`: compute for a while, make a system call now and then, and end with return code N;
- `fault`: write through a null pointer, for tests of exceptions;
- `sleep`: wait for ever in the kernel, for tests of killing a blocked process;
- `thread-exit`: end its thread with `zx_thread_exit`, which ends the process when no other thread
  runs. */
#include <stdio.h>
#include <string.h>

#include "zircon/object_info.h"
#include "zircon/process.h"
#include "zircon/syscalls.h"

static int number(const char *s)
{
    int n = 0, sign = *s == '-' ? -1 : 1;
    for (s += *s == '-'; *s >= '0' && *s <= '9'; s++)
        n = n * 10 + (*s - '0');
    return sign * n;
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "exit";
    int n = argc > 2 ? number(argv[2]) : 0;
    if (!strcmp(what, "exit")) {
        zx_info_handle_basic_t info = {0}; /* koid 0: started with no handle to itself */
        zx_object_get_info(zx_process_self(), ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL);
        printf("task-helper: process koid %lu, exiting with %d\n", (unsigned long)info.koid, n);
        return n;
    }
    if (!strcmp(what, "spin")) {
        for (volatile unsigned long i = 0;; i++) {
        }
    }
    if (!strcmp(what, "work")) {
        volatile unsigned long sum = 0;
        for (unsigned long i = 0; i < 2000000; i++) {
            sum += i;
            if (i % 100000 == 0)
                zx_clock_get_monotonic();
        }
        return n;
    }
    if (!strcmp(what, "fault")) {
        *(volatile int *)0 = 1;
        return 1; /* a handler that says HANDLED would retry the store for ever; it must not */
    }
    if (!strcmp(what, "sleep"))
        zx_nanosleep(ZX_TIME_INFINITE);
    if (!strcmp(what, "thread-exit"))
        zx_thread_exit();
    return -1;
}
