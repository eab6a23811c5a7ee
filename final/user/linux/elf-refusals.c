/*: # Malformed programs, refused

A kernel's loader reads a file that anyone may have written: every field of an ELF header is a
claim to check before it is believed. This program makes a small valid program for the machine it
runs on (one loadable segment whose code calls `exit(7)`), checks that it runs, and then breaks it
in 62 ways, one at a time: cut short, wrong magic, class, byte order, type or machine, program
headers of the wrong size, too many or beyond the end of the file, segments larger in the file than
in memory, beyond the file, huge, at address 0 or in the kernel's half, overlapping, an interpreter
that is missing or malformed, and entry points that lead nowhere. Each runs in a child with
`execve`, and the outcome is one of three: the error `execve` returns, the signal that kills the
program (a bad entry point is the program's fault, not the loader's), or the program's own exit
status 7.

Each case names Linux's outcome, checked on Linux, where this program passes too, and Zinc's where
it differs. They differ by design: Linux maps a program's segments and finds out later what was
wrong with them, in a program that has already started and is then killed (or runs, if it never
touches the bad part), and it reads neither the class nor the byte order of the ident. Zinc checks
the whole file before it starts anything (linux/exec.c), so it refuses all of those with `ENOEXEC`,
and any interpreter too: it runs static programs only. Nothing here may crash the kernel. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#if defined(__x86_64__)
#define MACHINE EM_X86_64
#define OTHER_MACHINE EM_RISCV
#define BASE 0x400000ul
/* mov $60, %eax; mov $7, %edi; syscall: exit(7) */
static const uint8_t code[] = {0xb8, 0x3c, 0, 0, 0, 0xbf, 7, 0, 0, 0, 0x0f, 0x05};
#elif defined(__riscv) && __riscv_xlen == 64
#define MACHINE EM_RISCV
#define OTHER_MACHINE EM_X86_64
#define BASE 0x10000ul
/* li a7, 93; li a0, 7; ecall: exit(7) */
static const uint8_t code[] = {0x93, 0x08, 0xd0, 0x05, 0x13, 0x05, 0x70, 0x00,
                               0x73, 0x00, 0x00, 0x00};
#else
#error "elf-refusals knows the code of x86_64 and riscv64 only"
#endif

#define PAGE 4096ul
#define PHNUM 3 /* PT_LOAD, then two spare headers a case may use (PT_NULL otherwise) */
#define CODE_AT (sizeof(Elf64_Ehdr) + PHNUM * sizeof(Elf64_Phdr))
#define FILE_SIZE (CODE_AT + sizeof code)

/* The program as a file: the header, the program headers, the code. */
static union {
    uint8_t bytes[PAGE];
    struct {
        Elf64_Ehdr eh;
        Elf64_Phdr ph[PHNUM];
    };
} image;
static size_t image_size;

static void make_valid(void)
{
    memset(&image, 0, sizeof image);
    memcpy(image.eh.e_ident, ELFMAG, SELFMAG);
    image.eh.e_ident[EI_CLASS] = ELFCLASS64;
    image.eh.e_ident[EI_DATA] = ELFDATA2LSB;
    image.eh.e_ident[EI_VERSION] = EV_CURRENT;
    image.eh.e_type = ET_EXEC;
    image.eh.e_machine = MACHINE;
    image.eh.e_version = EV_CURRENT;
    image.eh.e_entry = BASE + CODE_AT;
    image.eh.e_phoff = sizeof(Elf64_Ehdr);
    image.eh.e_ehsize = sizeof(Elf64_Ehdr);
    image.eh.e_phentsize = sizeof(Elf64_Phdr);
    image.eh.e_phnum = PHNUM;
    image.ph[0] = (Elf64_Phdr){.p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0,
                               .p_vaddr = BASE, .p_paddr = BASE, .p_filesz = FILE_SIZE,
                               .p_memsz = FILE_SIZE, .p_align = PAGE};
    memcpy(image.bytes + CODE_AT, code, sizeof code);
    image_size = FILE_SIZE;
}

/* The ways a run ends. */
enum outcome_kind { RAN, REFUSED, KILLED };
struct outcome {
    enum outcome_kind kind;
    int value; /* the exit status, the errno of execve, or the signal */
};

/* Write the image to a file, run it in a child, and say how it ended. */
static struct outcome run_image(void)
{
    const char *path = "/tmp/elf-refusals.bad";
    unlink(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    if (fd < 0 || write(fd, image.bytes, image_size) != (ssize_t)image_size || close(fd))
        return (struct outcome){REFUSED, -1};
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = {(char *)path, NULL}, *envp[] = {NULL};
        execve(path, argv, envp);
        _exit(errno < 150 ? 100 + errno : 99);
    }
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return (struct outcome){REFUSED, -1};
    if (WIFSIGNALED(status))
        return (struct outcome){KILLED, WTERMSIG(status)};
    int code = WEXITSTATUS(status);
    if (code >= 100)
        return (struct outcome){REFUSED, code - 100};
    return (struct outcome){RAN, code};
}

static const char *describe(struct outcome o, char *buf, size_t size)
{
    if (o.kind == RAN)
        snprintf(buf, size, "ran, exit %d", o.value);
    else if (o.kind == REFUSED)
        snprintf(buf, size, "refused: %s", strerror(o.value));
    else
        snprintf(buf, size, "killed by signal %d", o.value);
    return buf;
}

static int is(struct outcome a, struct outcome b)
{
    return a.kind == b.kind && a.value == b.value;
}

/* Run the image as the case left it, and check the outcome against Linux's, or Zinc's where the
   two differ (Zinc's may depend on the machine: the size of its user address space). */
static void expect(const char *name, struct outcome want, struct outcome also,
                   struct outcome or_else)
{
    struct outcome got = run_image();
    char said[64];
    int same = is(got, want) || is(got, also) || is(got, or_else);
    if (!same)
        printf("# %s: %s\n", name, describe(got, said, sizeof said));
    check(same, name);
    make_valid();
}

#define RUNS(status) ((struct outcome){RAN, status})
#define FAILS(err) ((struct outcome){REFUSED, err})
#define DIES(sig) ((struct outcome){KILLED, sig})
#define NOTHING_ELSE ((struct outcome){(enum outcome_kind)-1, -1})
#define WANT(name, outcome) expect(name, outcome, NOTHING_ELSE, NOTHING_ELSE)
#define WANT2(name, on_linux, on_zinc) expect(name, on_linux, on_zinc, NOTHING_ELSE)
#define WANT3(name, on_linux, on_zinc, on_zinc_too) expect(name, on_linux, on_zinc, on_zinc_too)

/* Put an interpreter string at the end of the file, named by the spare header 1. */
static void add_interpreter(const char *name, size_t len)
{
    memcpy(image.bytes + image_size, name, len);
    image.ph[1] = (Elf64_Phdr){.p_type = PT_INTERP, .p_flags = PF_R, .p_offset = image_size,
                               .p_filesz = len, .p_memsz = len, .p_align = 1};
    image_size += len;
    image.ph[0].p_filesz = image.ph[0].p_memsz = image_size;
}

static void cut_short(void)
{
    static const size_t sizes[] = {0, 1, 4, 16, 63, 64, 100, CODE_AT};
    static const char *const names[] = {
        "an empty file",       "a file of 1 byte",   "a file of the magic number only",
        "16 bytes: the ident", "63 bytes: a header less one", "the header alone",
        "half a program header", "the headers without the code"};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        image_size = sizes[i];
        if (i < 7)
            WANT(names[i], FAILS(ENOEXEC));
        else
            WANT2(names[i], DIES(SIGSEGV), FAILS(ENOEXEC));
    }
}

static void wrong_ident(void)
{
    for (int i = 0; i < SELFMAG; i++) {
        char name[48];
        snprintf(name, sizeof name, "magic byte %d wrong", i);
        image.eh.e_ident[i] ^= 0x20;
        WANT(name, FAILS(ENOEXEC));
    }
    /* Linux's loader for 64-bit programs reads neither byte: it runs these */
    image.eh.e_ident[EI_CLASS] = ELFCLASS32;
    WANT2("a 32-bit class", RUNS(7), FAILS(ENOEXEC));
    image.eh.e_ident[EI_CLASS] = ELFCLASSNONE;
    WANT2("no class", RUNS(7), FAILS(ENOEXEC));
    image.eh.e_ident[EI_CLASS] = 7;
    WANT2("an unknown class", RUNS(7), FAILS(ENOEXEC));
    image.eh.e_ident[EI_DATA] = ELFDATA2MSB;
    WANT2("big-endian data", RUNS(7), FAILS(ENOEXEC));
    image.eh.e_ident[EI_DATA] = ELFDATANONE;
    WANT2("no byte order", RUNS(7), FAILS(ENOEXEC));
}

static void wrong_file_header(void)
{
    image.eh.e_type = ET_NONE;
    WANT("type ET_NONE", FAILS(ENOEXEC));
    image.eh.e_type = ET_REL;
    WANT("a relocatable object (ET_REL)", FAILS(ENOEXEC));
    image.eh.e_type = ET_CORE;
    WANT("a core dump (ET_CORE)", FAILS(ENOEXEC));
    image.eh.e_type = 0xfe00;
    WANT("an operating system's own type", FAILS(ENOEXEC));
    image.eh.e_machine = EM_386;
    WANT("machine i386", FAILS(ENOEXEC));
    image.eh.e_machine = EM_AARCH64;
    WANT("machine aarch64", FAILS(ENOEXEC));
    image.eh.e_machine = OTHER_MACHINE;
    WANT("the other machine Zinc runs on", FAILS(ENOEXEC));
    image.eh.e_machine = EM_NONE;
    WANT("no machine", FAILS(ENOEXEC));
    image.eh.e_phentsize = 0;
    WANT("program headers of size 0", FAILS(ENOEXEC));
    image.eh.e_phentsize = 32;
    WANT("program headers of 32 bytes", FAILS(ENOEXEC));
    image.eh.e_phentsize = 57;
    WANT("program headers of 57 bytes", FAILS(ENOEXEC));
    image.eh.e_phnum = 0;
    WANT("no program header", FAILS(ENOEXEC));
    image.eh.e_phnum = 0xffff;
    WANT("65535 program headers", FAILS(ENOEXEC));
    image.eh.e_phnum = 40;
    WANT("program headers past the end of the file", FAILS(ENOEXEC));
    image.eh.e_phoff = 1u << 20;
    WANT("program headers far past the end of the file", FAILS(ENOEXEC));
    image.eh.e_phoff = ~0ull - 8;
    WANT("program headers at an offset that wraps around", FAILS(ENOEXEC));
}

static void wrong_segments(void)
{
    /* Linux maps first and finds out later, in a program that has already started: killed */
    image.ph[0].p_filesz = image.ph[0].p_memsz + PAGE;
    WANT2("a segment larger in the file than in memory", DIES(SIGSEGV), FAILS(ENOEXEC));
    image.ph[0].p_filesz = image.ph[0].p_memsz = 64 * PAGE;
    WANT2("a segment beyond the end of the file", RUNS(7), FAILS(ENOEXEC));
    image.ph[0].p_offset = 16 * PAGE;
    image.ph[0].p_vaddr = BASE + 16 * PAGE;
    image.eh.e_entry += 16 * PAGE;
    WANT2("a segment that starts past the end of the file", DIES(SIGBUS), FAILS(ENOEXEC));
    image.ph[0].p_offset = 1ull << 62;
    WANT2("a segment at a huge offset", DIES(SIGBUS), FAILS(ENOEXEC));
    image.ph[0].p_memsz = 1ull << 46;
    /* past the end of user space, or (x86_64's is 128 TiB) larger than a VMO may be */
    WANT3("a segment of 64 TiB in memory", DIES(SIGSEGV), FAILS(ENOEXEC), FAILS(ENOMEM));
    image.ph[0].p_memsz = ~0ull - PAGE;
    WANT2("a segment whose end wraps around", DIES(SIGSEGV), FAILS(ENOEXEC));
    image.ph[0].p_vaddr = 0;
    image.eh.e_entry = CODE_AT;
    WANT2("a segment at address 0 (which root may map on Linux)", RUNS(7), FAILS(ENOEXEC));
    image.ph[0].p_vaddr = 0xffffffff80000000ull;
    image.eh.e_entry = image.ph[0].p_vaddr + CODE_AT;
    WANT2("a segment in the kernel's half", DIES(SIGSEGV), FAILS(ENOEXEC));
    /* Zinc copies a segment into its memory: its offset need not match its address */
    image.ph[0].p_vaddr = BASE + 100;
    image.eh.e_entry = BASE + 100 + CODE_AT;
    WANT2("a segment whose address and offset disagree in the page", DIES(SIGSEGV), RUNS(7));
    image.ph[0].p_align = 3;
    WANT("an alignment that is no power of two", RUNS(7));
    /* Linux's second mapping replaces the first; Zinc gives a page every segment's permissions */
    image.ph[1] = image.ph[0];
    image.ph[1].p_flags = PF_R | PF_W;
    WANT2("two segments over the same pages", DIES(SIGSEGV), RUNS(7));
    image.ph[0].p_type = PT_NOTE;
    WANT2("no loadable segment", DIES(SIGSEGV), FAILS(ENOEXEC));
    image.ph[0].p_flags = PF_R;
    WANT("code in a segment that is not executable", DIES(SIGSEGV));
    image.ph[0].p_flags = 0;
    WANT("a segment with no permission at all", DIES(SIGSEGV));
    image.ph[1] = (Elf64_Phdr){.p_type = PT_GNU_STACK, .p_flags = PF_R | PF_W | PF_X};
    WANT("an executable stack asked for", RUNS(7));
    image.ph[1] = (Elf64_Phdr){.p_type = PT_LOAD, .p_flags = PF_R, .p_vaddr = BASE + 64 * PAGE};
    WANT("an empty second segment", RUNS(7));
    image.ph[1] = (Elf64_Phdr){.p_type = 0x6fffffff, .p_offset = ~0ull, .p_filesz = ~0ull};
    WANT("an unknown header with nonsense in it", RUNS(7));
}

static void wrong_entry(void)
{
    image.eh.e_entry = 0;
    WANT("entry point 0", DIES(SIGSEGV));
    image.eh.e_entry = BASE + 1024 * PAGE;
    WANT("an entry point where nothing is mapped", DIES(SIGSEGV));
    image.eh.e_entry = 0xffffffff80000000ull;
    WANT("an entry point in the kernel's half", DIES(SIGSEGV));
    image.eh.e_entry = ~0ull;
    WANT("entry point 2^64 - 1", DIES(SIGSEGV));
    image.eh.e_entry = BASE; /* its bytes are an illegal instruction on riscv64 */
    WANT2("an entry point at the ELF header", DIES(SIGSEGV), DIES(SIGILL));
}

static void wrong_interpreter(void)
{
    /* Zinc runs static programs only: it refuses any interpreter, as Linux refuses a bad one */
    add_interpreter("/lib/no-such-loader.so", sizeof "/lib/no-such-loader.so");
    WANT2("an interpreter that does not exist", FAILS(ENOENT), FAILS(ENOEXEC));
    add_interpreter("/tmp/elf-refusals.bad", sizeof "/tmp/elf-refusals.bad");
    WANT2("the program as its own interpreter", RUNS(7), FAILS(ENOEXEC));
    add_interpreter("/tmp", sizeof "/tmp");
    WANT2("a directory as interpreter", FAILS(EACCES), FAILS(ENOEXEC));
    add_interpreter("/bin/sh", 7);
    WANT("an interpreter's name without its zero", FAILS(ENOEXEC));
    add_interpreter("", 1);
    WANT("an empty interpreter name", FAILS(ENOEXEC));
    add_interpreter("/bin/sh", sizeof "/bin/sh");
    image.ph[1].p_filesz = 1ull << 32;
    WANT("an interpreter's name of 4 GiB", FAILS(ENOEXEC));
    add_interpreter("/bin/sh", sizeof "/bin/sh");
    image.ph[1].p_offset = 1ull << 40;
    WANT2("an interpreter's name past the end of the file", FAILS(EIO), FAILS(ENOEXEC));
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    make_valid();
    WANT("the valid program runs, and exits with 7", RUNS(7));
    cut_short();
    wrong_ident();
    wrong_file_header();
    wrong_segments();
    wrong_entry();
    wrong_interpreter();
    unlink("/tmp/elf-refusals.bad");
    return tap_done();
}
