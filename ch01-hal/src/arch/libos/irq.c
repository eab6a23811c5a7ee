/*: # LibOS: interrupts come from a host thread

A host process gets no interrupts, so LibOS makes its own. One host thread, the *interrupt thread*,
waits in `poll` for the timerfd and for standard input; when one is ready it calls the registered
handler, just as a CPU jumps to a handler when a device raises its line. Handlers take `hal_lock`s
(host mutexes) to exclude the rest of the kernel, which is what disabling interrupts achieves on
bare metal.

`hal_cpu_idle` waits on a condition variable that the interrupt thread signals after each interrupt,
with a short timeout: a caller checks its condition, then idles, and an interrupt that lands between
the two must not leave it asleep for good. */
#include <errno.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "hal/irq_table.h"
#include "kernel/panic.h"
#include "libos.h"

#define IDLE_TIMEOUT_NS 10000000

static struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    uint64_t count;
} events = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};

void hal_irq_register(unsigned irq, hal_irq_handler handler, void *arg)
{
    /* the lines are always on: the interrupt thread watches both */
    irq_table_set(irq, handler, arg);
}

static void raise_irq(unsigned irq)
{
    irq_table_call(irq);
    pthread_mutex_lock(&events.mutex);
    events.count++;
    pthread_cond_broadcast(&events.cond);
    pthread_mutex_unlock(&events.mutex);
}

static void *interrupt_thread(void *unused)
{
    struct pollfd fds[2] = {
        {.fd = libos_timer_fd(), .events = POLLIN},
        {.fd = STDIN_FILENO, .events = POLLIN},
    };
    for (;;) {
        if (poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            panic("interrupt thread: poll failed");
        }
        if (fds[0].revents & POLLIN) {
            uint64_t expirations;
            if (read(fds[0].fd, &expirations, sizeof expirations) == sizeof expirations)
                raise_irq(HAL_IRQ_TIMER);
        }
        if (fds[1].revents) {
            /* Readable with nothing to read is the end of input: stop watching, or poll would
               spin. */
            int waiting = 0;
            if ((fds[1].revents & POLLIN) && ioctl(STDIN_FILENO, FIONREAD, &waiting) == 0 &&
                waiting > 0)
                raise_irq(HAL_IRQ_SERIAL);
            else
                fds[1].fd = -1;
        }
    }
    return NULL;
}

void libos_irq_start(void)
{
    pthread_t t;
    if (pthread_create(&t, NULL, interrupt_thread, NULL))
        panic("cannot start the interrupt thread");
    pthread_detach(t);
}

void hal_cpu_idle(void)
{
    pthread_mutex_lock(&events.mutex);
    uint64_t seen = events.count;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += IDLE_TIMEOUT_NS;
    if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
    }
    while (events.count == seen)
        if (pthread_cond_timedwait(&events.cond, &events.mutex, &until) == ETIMEDOUT)
            break;
    pthread_mutex_unlock(&events.mutex);
}
