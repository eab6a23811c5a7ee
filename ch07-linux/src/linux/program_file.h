/*: # Where programs come from

`execve` names a program by its path. Until the file system of this chapter holds them, Linux
programs travel like Zircon ones, in the boot filesystem packed into the kernel image
(kernel/blob.h), and a path names the program by its last component: `/bin/hello` is the packed
program `hello`. */
#ifndef ZINC_LINUX_PROGRAM_FILE_H
#define ZINC_LINUX_PROGRAM_FILE_H

#include "linux/exec.h"

/* Open the program at path for loading: 0, or -ENOENT. */
int program_file_open(const char *path, struct exec_file *f);
void program_file_close(struct exec_file *f);

#endif
