/*: # x86_64: waiting in a spin loop

A CPU that waits for a lock (lock.c) runs `x86_relax` each time round its loop. `pause` tells the
CPU it is in a spin loop: it saves power, and on a hyper-threaded core leaves the sibling the
pipeline. A kernel for several CPUs must also answer the other CPUs' requests while it waits with
interrupts off, or two CPUs could each wait for the other for ever (chapter 6 replaces this
file; hence lock.c includes it by its path, as percpu.h explains). */
#ifndef ZINC_X86_RELAX_H
#define ZINC_X86_RELAX_H

static inline void x86_relax(void)
{
    __asm__ volatile("pause" ::: "memory");
}

#endif
