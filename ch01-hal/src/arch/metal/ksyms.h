/*: # Kernel symbols, for backtraces on bare metal

A backtrace of bare addresses sends the reader to `addr2line`; one with names reads at once. The
build links the kernel twice: the first time to learn where every function landed (tools/ksyms.sh
reads it with `nm` into a sorted table), the second time with that table inside. The addresses do
not move between the two links, because the table is placed after everything else in the image. */
#ifndef ZINC_KSYMS_H
#define ZINC_KSYMS_H

#include <stdint.h>

/* The name of the function containing addr, and addr's offset into it; NULL if unknown. */
const char *ksym_lookup(uint64_t addr, uint64_t *offset);

/* Print one backtrace line for a return address. */
void ksym_print_frame(int depth, uint64_t addr);

#endif
