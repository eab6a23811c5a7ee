/*: # Printing, implemented

`kprintf` formats into a line on the stack (kernel/format.c) and sends it to the console in one
piece, so that lines from different CPUs do not mix. */
#include "kernel/printk.h"

#include "kernel/console.h"

void kprintf(const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    console_write(line, n < (int)sizeof line ? (size_t)n : sizeof line - 1);
}
