/*: # Pipes

A pipe's two open files, made by `pipe` and `pipe2` (fs/pipe.c) and by the kernel's own tests. */
#ifndef ZINC_FS_PIPE_H
#define ZINC_FS_PIPE_H

#include "fs/file.h"

/* A new pipe: its read end and its write end, each with one reference, both O_NONBLOCK if nonblock
   says so: 0, or -ENOMEM with nothing made. */
int pipe_create(uint32_t nonblock, struct file **reader, struct file **writer);

#endif
