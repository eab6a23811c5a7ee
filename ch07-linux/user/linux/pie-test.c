/*: # A static position-independent program: a test

A static-PIE program (`ET_DYN`, no dynamic loader) may be loaded anywhere: the kernel picks a
*bias*, adds it to every address of the file, and says where things went in the auxiliary vector;
the C library's start-up code then relocates the program's own data (the pointers in it) by that
bias before `main` runs. This program is built that way (tools/chapter.mk builds every `pie-*.c`
so) and checks, printing TAP, that it was loaded at a bias, that the kernel's auxiliary vector
agrees with where its headers and entry really are, that the pointers in its data (a table of
functions, a table of strings) were relocated, that its break lies outside its image (Linux puts
it apart from a static-PIE program, Zinc just past it), and that its arguments, environment and
auxiliary vector are laid out as the ABI says.

The program's link addresses come from its own ELF header, which the linker names `__ehdr_start`:
its address in memory is where the file's start was loaded, and the program headers it leads to
hold the unbiased addresses the linker gave each segment. Everything is first checked on Linux,
where the program passes too. It runs itself again (through `/proc/self/exe`) with known arguments
and environment, as proc-test does, so that those can be checked, and so that a static-PIE
program is loaded by `execve` over another as well as by the boot. */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tap.h"

extern const Elf64_Ehdr __ehdr_start; /* the linker's: this program's ELF header, as loaded */
extern char _start[];                 /* the C library's entry point */
extern char **environ;

static const Elf64_Phdr *phdrs(void)
{
    return (const Elf64_Phdr *)((const char *)&__ehdr_start + __ehdr_start.e_phoff);
}

/* The loadable segment whose link addresses hold va (unbiased), or NULL. */
static const Elf64_Phdr *segment_of(uintptr_t va)
{
    for (int i = 0; i < __ehdr_start.e_phnum; i++) {
        const Elf64_Phdr *s = &phdrs()[i];
        if (s->p_type == PT_LOAD && va >= s->p_vaddr && va - s->p_vaddr < s->p_memsz)
            return s;
    }
    return NULL;
}

/* The bias: where the ELF header is, less the link address of the file's first byte. */
static uintptr_t bias(void)
{
    for (int i = 0; i < __ehdr_start.e_phnum; i++) {
        const Elf64_Phdr *s = &phdrs()[i];
        if (s->p_type == PT_LOAD && s->p_offset == 0)
            return (uintptr_t)&__ehdr_start - s->p_vaddr;
    }
    return 0;
}

/* Whether [start, end) overlaps the image in memory: the span of its segments. */
static int overlaps_image(uintptr_t start, uintptr_t end)
{
    uintptr_t lo = UINTPTR_MAX, hi = 0;
    for (int i = 0; i < __ehdr_start.e_phnum; i++) {
        const Elf64_Phdr *s = &phdrs()[i];
        if (s->p_type == PT_LOAD && s->p_vaddr < lo)
            lo = s->p_vaddr;
        if (s->p_type == PT_LOAD && s->p_vaddr + s->p_memsz > hi)
            hi = s->p_vaddr + s->p_memsz;
    }
    return start < hi + bias() && end > lo + bias();
}

static void test_bias(void)
{
    uintptr_t b = bias();
    check(__ehdr_start.e_type == ET_DYN, "the program is position independent (ET_DYN)");
    check(b != 0 && b % 4096 == 0, "it was loaded at a bias (a whole number of pages), not at 0");
    check(getauxval(AT_PHDR) == (uintptr_t)phdrs(),
          "AT_PHDR is where its program headers were loaded");
    check(getauxval(AT_PHNUM) == __ehdr_start.e_phnum && getauxval(AT_PHENT) == sizeof(Elf64_Phdr),
          "AT_PHNUM and AT_PHENT are the file's");
    check(getauxval(AT_ENTRY) == __ehdr_start.e_entry + b,
          "AT_ENTRY is the file's entry plus the bias");
    check(getauxval(AT_ENTRY) == (uintptr_t)_start, "AT_ENTRY is where _start is");
    check(getauxval(AT_BASE) == 0, "AT_BASE is 0: there is no dynamic loader");
}

/* Data the C library's start-up relocates: each pointer holds a link address in the file. They are
   volatile, so that the compiler reads them from memory rather than knowing their values. */
static int counter = 7;
static int *volatile const counter_pointer = &counter;

static int add(int a, int b)
{
    return a + b;
}

static int subtract(int a, int b)
{
    return a - b;
}

static int multiply(int a, int b)
{
    return a * b;
}

static int (*volatile const operations[])(int, int) = {add, subtract, multiply};
static const char *volatile const operation_names[] = {"add", "subtract", "multiply"};

static void test_relocations(void)
{
    uintptr_t b = bias(), link = (uintptr_t)&counter - b;
    const Elf64_Phdr *s = segment_of(link);
    check(link != (uintptr_t)&counter && s && (s->p_flags & PF_W),
          "a global's address is its link address (in a writable segment) plus the bias");
    check(counter_pointer == &counter && *counter_pointer == 7,
          "a pointer to a global in data was relocated");
    check(operations[0] == add && operations[1] == subtract && operations[2] == multiply,
          "a table of function pointers was relocated");
    check(operations[0] == add && operations[0](6, 3) == 9 && operations[1](6, 3) == 3 &&
              operations[2](6, 3) == 18,
          "calls through the table work");
    int names_ok = 1;
    for (int i = 0; i < 3; i++) {
        s = segment_of((uintptr_t)operation_names[i] - b);
        names_ok &= s && !(s->p_flags & PF_W);
    }
    check(names_ok && !strcmp(operation_names[0], "add") && !strcmp(operation_names[2], "multiply"),
          "a table of string pointers was relocated (into the read-only data)");
}

static void test_break(void)
{
    uintptr_t start = (uintptr_t)syscall(SYS_brk, 0);
    uintptr_t grown = (uintptr_t)syscall(SYS_brk, start + 8192);
    check(grown == start + 8192, "the break grows");
    check(!overlaps_image(start, grown), "the break is outside the image");
    if (grown == start + 8192)
        memset((void *)start, 0x5a, 8192);
    check(grown == start + 8192 && ((volatile char *)start)[8191] == 0x5a,
          "the grown break is memory");
    syscall(SYS_brk, start); /* as it was, for the C library's malloc */
}

static void test_stack(int argc, char **argv, char **envp)
{
    check(argc == 3 && !strcmp(argv[1], "alpha") && !strcmp(argv[2], "beta") && !argv[3],
          "argc and argv, ending with NULL");
    check(envp == argv + argc + 1 && envp[0] && !strcmp(envp[0], "PIE_TEST=yes") && !envp[1],
          "envp follows argv's NULL, ending with NULL");
    Elf64_auxv_t *auxv = (Elf64_auxv_t *)(envp + 2);
    int pairs = 0, entry_found = 0;
    for (; auxv->a_type != AT_NULL && pairs < 100; auxv++, pairs++)
        entry_found |= auxv->a_type == AT_ENTRY && auxv->a_un.a_val == getauxval(AT_ENTRY);
    check(pairs < 100 && entry_found, "the auxiliary vector follows envp's NULL");
    check(getauxval(AT_PAGESZ) == 4096 && sysconf(_SC_PAGESIZE) == 4096, "AT_PAGESZ");
    const unsigned char *random = (const unsigned char *)getauxval(AT_RANDOM);
    int nonzero = 0;
    for (int i = 0; random && i < 16; i++)
        nonzero |= random[i];
    check(nonzero, "AT_RANDOM points at 16 random bytes");
    struct stat a, b;
    const char *execfn = (const char *)getauxval(AT_EXECFN);
    check(execfn && stat(execfn, &a) == 0 && stat("/proc/self/exe", &b) == 0 &&
              a.st_ino == b.st_ino && a.st_dev == b.st_dev,
          "AT_EXECFN names the program's file");
}

int main(int argc, char **argv)
{
    char **envp = environ;     /* as the start-up code found it */
    if (!getenv("PIE_TEST")) { /* run again with known arguments and environment */
        char *args[] = {argv[0], "alpha", "beta", NULL};
        char *env[] = {"PIE_TEST=yes", NULL};
        execve("/proc/self/exe", args, env);
        printf("Bail out! execve /proc/self/exe: %s\n", strerror(errno));
        return 1;
    }
    test_bias();
    test_relocations();
    test_break();
    test_stack(argc, argv, envp);
    return tap_done();
}
