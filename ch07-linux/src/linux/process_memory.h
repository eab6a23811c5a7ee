/*: # Looking into another process's memory

`/proc/PID/cmdline` shows the argument strings on another process's stack, and `/proc/PID/stat`
how much memory that process has mapped. The process asking is not the one whose memory it is, so
neither can go through the page table the CPU is using (`copy_from_user` reads the caller's own
memory): both go through the other process's root VMAR (chapter 4), which knows what is mapped
where. For an address, the mapping covering it names the VMO holding the byte and the offset
there; `vmo_read` reads it from the VMO itself. A page the process never touched reads as zeros,
as it would for the process, and reading commits nothing.

A process whose address space is gone (a zombie, or one being torn down) has no memory to show:
reads give nothing and its usage is zero, which is what Linux shows of a zombie too. */
#ifndef ZINC_LINUX_PROCESS_MEMORY_H
#define ZINC_LINUX_PROCESS_MEMORY_H

#include <stddef.h>
#include <stdint.h>

#include "task/task.h"

/* Copy up to len bytes of p's memory at addr into buf (kernel memory): how many were read, fewer
   than len where unmapped or unreadable memory begins. */
size_t process_memory_read(struct process *p, vaddr_t addr, void *buf, size_t len);

/* What p has mapped: the bytes (Linux's virtual size) and the pages present of those (its
   resident set; a page it shares with a process it forked from counts for its owner). */
void process_memory_usage(struct process *p, uint64_t *mapped_bytes, uint64_t *resident_pages);

#endif
