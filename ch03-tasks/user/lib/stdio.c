/*: # printf for Zircon programs, implemented */
#include "stdio.h"

#include "zircon/syscalls.h"

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

int printf(const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    zx_debug_write(line, n < (int)sizeof line ? (size_t)n : sizeof line - 1);
    return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
