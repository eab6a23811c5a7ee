/*: # Formatting

The kernel's own `snprintf`, written here because bare metal has no C library. It understands what
kernel messages need: `%d %i %u %x %X %p %s %c %%`, the `l`, `ll` and `z` length modifiers, a field
width and the `0` and `-` flags. Like C's `snprintf`, `ksnprintf` returns the length the whole text
would have had. */
#ifndef ZINC_FORMAT_H
#define ZINC_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...) PRINTF_LIKE(3, 4);

#endif
