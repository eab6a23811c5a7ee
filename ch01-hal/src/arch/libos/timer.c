/*: # LibOS: the timer is a timerfd

The clock is the host's `CLOCK_MONOTONIC`, counted from start-up. The one-shot deadline is a timerfd
armed with an absolute time; the interrupt thread (arch/libos/irq.c) sees it become readable and
raises `HAL_IRQ_TIMER`. */
#include <sys/timerfd.h>
#include <time.h>

#include "kernel/panic.h"
#include "libos.h"

static int timer_fd = -1;
static uint64_t boot_ns;

static uint64_t host_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + ts.tv_nsec;
}

void libos_timer_init(void)
{
    boot_ns = host_now();
    timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
    if (timer_fd < 0)
        panic("cannot create the timer");
}

int libos_timer_fd(void)
{
    return timer_fd;
}

uint64_t hal_timer_now(void)
{
    return host_now() - boot_ns;
}

void hal_timer_set_deadline(uint64_t deadline)
{
    /* An all-zero it_value disarms a timerfd, so a deadline at the very start of time becomes 1
       ns. */
    struct itimerspec spec = {0};
    if (deadline != HAL_NO_DEADLINE) {
        uint64_t at = boot_ns + deadline;
        spec.it_value.tv_sec = at / 1000000000u;
        spec.it_value.tv_nsec = at % 1000000000u;
        if (at == 0)
            spec.it_value.tv_nsec = 1;
    }
    timerfd_settime(timer_fd, TFD_TIMER_ABSTIME, &spec, NULL);
}
