/*: # Running a program in a Linux process

What `execve` and the boot program share: find the program file by its path, check it, load it
into the process (linux/exec.h), and make the process what the new program expects: an empty
heap just past its image, its descriptors marked close-on-exec closed, its name the program's. */
#ifndef ZINC_LINUX_PROGRAM_H
#define ZINC_LINUX_PROGRAM_H

#include "linux/exec.h"

/* Run the program at path in p, a Linux process whose thread t will run it, with args: *image
   says where it starts. 0 or -errno; -ENOENT, -ENOEXEC, -EACCES leave p as it was; an error once
   its old program is gone ends p (SIGKILL). */
int linux_program_exec(struct process *p, struct thread *t, const char *path,
                       const struct exec_args *args, struct exec_image *image);

/* The same for a process not yet started, and then start its thread t there. */
int linux_program_start(struct process *p, struct thread *t, const char *path,
                        const struct exec_args *args);

#endif
