/*: # The console, implemented

Output is a locked call into the HAL. Input is the first interrupt handler in the book: when the
serial line says bytes are waiting, the handler moves them into a ring buffer; when the buffer is
full, new bytes are dropped (a slow reader loses input, the kernel never blocks in an interrupt). A
terminal's Enter key sends a carriage return, which the console turns into the newline programs
expect, as a Unix terminal does. */
#include "kernel/console.h"

#include "hal/hal.h"
#include "kernel/init.h"

static struct {
    struct hal_lock lock;
    char ring[256];
    size_t head, tail; /* bytes live in ring[tail .. head), indices taken modulo the size */
} input = {.lock = HAL_LOCK_INIT};

static struct hal_lock output_lock = HAL_LOCK_INIT;

void console_write(const char *buf, size_t len)
{
    hal_lock_acquire(&output_lock);
    hal_serial_write(buf, len);
    hal_lock_release(&output_lock);
}

size_t console_read(char *buf, size_t len)
{
    size_t n = 0;
    hal_lock_acquire(&input.lock);
    while (n < len && input.tail != input.head)
        buf[n++] = input.ring[input.tail++ % sizeof input.ring];
    hal_lock_release(&input.lock);
    return n;
}

static void console_interrupt(unsigned irq, void *arg)
{
    char bytes[64];
    size_t n;
    while ((n = hal_serial_read(bytes, sizeof bytes)) > 0) {
        hal_lock_acquire(&input.lock);
        for (size_t i = 0; i < n && input.head - input.tail < sizeof input.ring; i++)
            input.ring[input.head++ % sizeof input.ring] = bytes[i] == '\r' ? '\n' : bytes[i];
        hal_lock_release(&input.lock);
    }
}

static void console_init(void)
{
    hal_irq_register(HAL_IRQ_SERIAL, console_interrupt, NULL);
}
INIT_STEP(console_init, INIT_DEVICES);
