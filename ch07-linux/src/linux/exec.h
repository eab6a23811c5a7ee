/*: # Loading a Linux program

`execve` replaces the program a process runs; the boot program uses the same path to start the
first one. The program comes from a file, which the loader reads through `struct exec_file` (the
file system's files in this chapter, a test's buffer in the kernel tests), and its arguments and
environment come in `struct exec_args`, copied into the kernel before the old program's memory,
where they may have been, is thrown away. */
#ifndef ZINC_LINUX_EXEC_H
#define ZINC_LINUX_EXEC_H

#include "linux/process.h"

/* A program file: read len bytes at offset into buf, 0 or -errno (-EIO for a short read). */
struct exec_file {
    int (*read)(void *ctx, uint64_t offset, void *buf, size_t len);
    void *ctx;
    uint64_t size;
    char path[128]; /* where it is, from the root, its links followed (/proc/PID/exe); or "" */
};

/* The strings of argv, then those of envp, each ending with its zero byte, in a VMO (they may be
   far longer than the kernel's heap blocks). */
struct exec_args {
    struct vmo *strings;
    size_t len; /* bytes used */
    int argc, envc;
};

/* Add the string s (len bytes, no zero) as the next argument (envp: false) or environment string;
   -E2BIG past the limit, -ENOMEM. */
#define EXEC_ARGS_MAX (128 * 1024)
int exec_args_init(struct exec_args *a);
int exec_args_add(struct exec_args *a, const char *s, size_t len, bool env);
/* Add the strings of from, less its first skip arguments: 0, -E2BIG, -ENOMEM. */
int exec_args_append(struct exec_args *a, const struct exec_args *from, int skip);
void exec_args_destroy(struct exec_args *a);

/* What a loaded program needs to start: its entry, its stack pointer, and what /proc shows. */
struct exec_image {
    vaddr_t entry, sp;
    vaddr_t end; /* past its highest segment: the program break starts here */
    vaddr_t arg_start, arg_end, env_end; /* its argument and environment strings, on its stack */
    uint64_t arg0; /* its first argument register: 0 for a Linux program */
    char exe[128]; /* the file's path (exec_file's) */
};

/* Check that f is a program this kernel runs: 0, -ENOEXEC (not an ELF program for this machine,
   or one that needs a dynamic loader), -EIO. Nothing is changed. */
int exec_check(const struct exec_file *f);

/* Throw away what p's address space holds and load f into it, with a stack holding args (path is
   AT_EXECFN): 0 or -errno. After a failure the address space is lost: the caller ends p. */
int exec_load(struct process *p, const struct exec_file *f, const char *path,
              const struct exec_args *args, struct exec_image *image);

#endif
