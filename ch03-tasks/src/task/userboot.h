/*: # Starting a program from the kernel

userboot's first step, which the kernel's own benchmarks also take: make a process in the root job,
load the program `name` from the boot filesystem, give it its bootstrap channel with the start-up
message (the words of `args`, the first being the program's name) and start its thread. */
#ifndef ZINC_USERBOOT_H
#define ZINC_USERBOOT_H

#include "object/message.h"
#include "task/task.h"

/* The start-up message of the program of p whose first thread is t, with the words of args as its
   arguments (the first is the program's name), and handles to p, t, the root job, the root
   resource and p's root VMAR: NULL when memory ran out. */
struct message *userboot_startup_message(const char *args, struct process *p, struct thread *t);

/* Start the program; *out receives a reference to its process. */
zx_status_t userboot_launch(const char *name, const char *args, struct process **out);

/* Kill the root job and wait (a few seconds at most) until everything under it is dead: before
   the kernel stops, no thread may be inside user code or a system call. */
void userboot_stop_everything(void);

#endif
