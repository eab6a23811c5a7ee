/*: # LibOS: kernel threads are host threads

The host's scheduler runs them, on as many cores as the machine has: LibOS gets multiprocessing for free. */
#include <sched.h>
#include <stdlib.h>

#include "libos.h"

struct start {
    void (*fn)(void *);
    void *arg;
};

static void *trampoline(void *p)
{
    struct start s = *(struct start *)p;
    free(p);
    s.fn(s.arg);
    return NULL;
}

int hal_thread_spawn(void (*fn)(void *arg), void *arg)
{
    struct start *s = malloc(sizeof *s);
    if (!s)
        return HAL_ENOMEM;
    *s = (struct start){fn, arg};
    pthread_t t;
    if (pthread_create(&t, NULL, trampoline, s)) {
        free(s);
        return HAL_ENOMEM;
    }
    pthread_detach(t);
    return 0;
}

void hal_thread_yield(void)
{
    sched_yield();
}
