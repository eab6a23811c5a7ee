/*: # The serial line

The console: bytes out, bytes in. On bare metal it is a 16550 UART; on LibOS, standard output and
standard input. Input is announced by `HAL_IRQ_SERIAL`; the handler (kernel/console.c) drains it
with `hal_serial_read`, which never blocks. */
#ifndef ZINC_HAL_SERIAL_H
#define ZINC_HAL_SERIAL_H

#include "hal/types.h"

void hal_serial_write(const char *buf, size_t len);

/* Copy up to len waiting input bytes into buf; returns how many (0 when none are waiting). */
size_t hal_serial_read(char *buf, size_t len);

#endif
