/*: # The console

Everything the kernel prints goes through `console_write`, which keeps lines whole when several CPUs
print at once. Input comes from the serial interrupt into a small ring buffer; `console_read` takes
what is there without waiting. */
#ifndef ZINC_CONSOLE_H
#define ZINC_CONSOLE_H

#include <stddef.h>

void console_write(const char *buf, size_t len);
size_t console_read(char *buf, size_t len);

#endif
