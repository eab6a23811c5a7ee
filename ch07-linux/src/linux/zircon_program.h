/*: # A Zircon program started by a Linux one

One kernel runs both kinds of program, so a Linux program may `execve` a Zircon one: a shell script
can run `/boot/hello-zircon` like any command and read its exit status. The process stays where it
is in the Linux tree (its parent waits for it with `wait4`), but from its first instruction it is a
Zircon program: it gets a bootstrap channel with the start-up message userboot would give it, and
makes Zircon calls. What it prints goes to its standard output, descriptor 1, like a Linux
program's: `out=$(/boot/hello-zircon)` captures it. */
#ifndef ZINC_LINUX_ZIRCON_PROGRAM_H
#define ZINC_LINUX_ZIRCON_PROGRAM_H

#include "linux/exec.h"

/* Load the Zircon program f into p, a Linux process whose thread t runs it, with the arguments of
   args: 0 and *image (whose arg0 is the bootstrap handle), or -errno. */
int zircon_program_exec(struct process *p, struct thread *t, const struct exec_file *f,
                        const char *path, const struct exec_args *args, struct exec_image *image);

#endif
