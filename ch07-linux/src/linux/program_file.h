/*: # Where programs come from

`execve` names a program by its path, and the program is a file of the file system: the programs
the kernel image brings are in the initramfs's `/bin` (fs/initramfs.c). */
#ifndef ZINC_LINUX_PROGRAM_FILE_H
#define ZINC_LINUX_PROGRAM_FILE_H

#include "linux/exec.h"

/* Open the program at path for loading: 0, or -ENOENT, -EACCES, ... as a path walk. */
int program_file_open(const char *path, struct exec_file *f);
void program_file_close(struct exec_file *f);

#endif
