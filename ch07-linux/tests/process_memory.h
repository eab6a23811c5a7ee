/*: # Reading a process's memory, for the tests

The tests of the Linux loader and of fork look at a process's memory from the kernel, without
running it: the bytes at an address are those of the VMO mapped there (chapter 4), whether or
not any page of it is in the page table yet. */
#ifndef ZINC_TESTS_PROCESS_MEMORY_H
#define ZINC_TESTS_PROCESS_MEMORY_H

#include "task/task.h"

/* Copy len bytes at va of p's address space into buf, through the VMO mapped there: true if all
   of them are mapped. */
bool process_memory_read(struct process *p, vaddr_t va, void *buf, size_t len);
/* The same the other way, into the VMO: a write of the process's own (copy on write). */
bool process_memory_write(struct process *p, vaddr_t va, const void *buf, size_t len);

#endif
