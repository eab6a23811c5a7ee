/*: # printf for Zircon programs

Formatting is the kernel's own (ch01-hal/src/kernel/format.c, compiled again here); the text goes to
the console through `zx_debug_write`. */
#ifndef ZINC_USER_STDIO_H
#define ZINC_USER_STDIO_H

#include <stdarg.h>
#include <stddef.h>

#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))

int printf(const char *fmt, ...) PRINTF_LIKE(1, 2);
int snprintf(char *buf, size_t size, const char *fmt, ...) PRINTF_LIKE(3, 4);

#endif
