/*: # Printing

`kprintf` is the kernel's `printf`: it writes to the console, with the formatting of
kernel/format.h. */
#ifndef ZINC_PRINTK_H
#define ZINC_PRINTK_H

#include "kernel/format.h"

void kprintf(const char *fmt, ...) PRINTF_LIKE(1, 2);

#endif
