/*: # The alternate signal stack

A handler normally runs on the stack of the code it interrupted. That fails exactly when a program
most wants a handler: when its stack has overflowed, the fault's `SIGSEGV` has nowhere to build its
frame. So a thread may name a second stack with `sigaltstack`, and a handler installed with
`SA_ONSTACK` runs there: the frame goes at its top, unless the thread is on it already (a handler
interrupted by another), when it goes below, as on any stack.

The frame keeps the thread's alternate stack in its `uc_stack`, and `rt_sigreturn` sets it again
from there, as Linux does. That is what `SS_AUTODISARM` relies on: such a stack is forgotten while
a handler runs (which may then switch away from it, `swapcontext` style, and back) and comes back
with the handler's return. */
#ifndef ZINC_LINUX_SIGALTSTACK_H
#define ZINC_LINUX_SIGALTSTACK_H

#include "linux/sigframe.h"

/* Where the frame of act's handler goes, for thread lt interrupted with the registers ctx. */
struct sigframe_stack linux_altstack_frame_stack(const struct linux_thread *lt,
                                                 const struct hal_context *ctx,
                                                 const struct linux_sigaction *act);

/* lt's alternate stack, as the frame of a handler keeps it; a stack set with SS_AUTODISARM is then
   forgotten until the handler returns. */
stack_t linux_altstack_save(struct linux_thread *lt);

/* rt_sigreturn: set lt's alternate stack from the frame's ss, as sigaltstack would with the stack
   pointer sp; quietly not, if sigaltstack would refuse (as Linux). */
void linux_altstack_restore(struct linux_thread *lt, const stack_t *ss, uint64_t sp);

/* execve: the new program starts with none. */
void linux_altstack_reset(struct linux_thread *lt);

#endif
