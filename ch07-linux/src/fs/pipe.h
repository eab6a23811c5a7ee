/*: # Pipes

A pipe's two open files, made by `pipe` and `pipe2` (fs/pipe.c) and by the kernel's own tests, and
the two files of a socket pair (fs/socketpair.c): both are files over the two ends of one stream
socket. */
#ifndef ZINC_FS_PIPE_H
#define ZINC_FS_PIPE_H

#include "fs/file.h"

/* A new pipe: its read end and its write end, each with one reference, both O_NONBLOCK if nonblock
   says so: 0, or -ENOMEM with nothing made. */
int pipe_create(uint32_t nonblock, struct file **reader, struct file **writer);

/* Two files over the two ends of a new stream socket, opened with flags0 and flags1 (an access
   mode and O_NONBLOCK), each with one reference: 0, or -ENOMEM with nothing made. */
int stream_files(uint32_t flags0, uint32_t flags1, struct file **f0, struct file **f1);

/* The socket end under f, if f is one of these files; else NULL. No new reference. */
struct kobject *stream_file_socket(struct file *f);

#endif
