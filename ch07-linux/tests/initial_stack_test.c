/*: # Tests of a Linux program's first stack

The stack that linux/initial_stack.c lays out, read back word by word from the process's memory as
the C library's start-up code will read it: `argc`, the argument pointers and their NULL, the
environment pointers and theirs, then the auxiliary vector up to `AT_NULL`; the stack pointer
16-byte aligned; every pointer pointing at the right string. The arguments are drawn at random,
and so is their number, so that no fixed layout passes. */
#include <linux/auxvec.h>

#include "kernel/format.h"
#include "kernel/ktest.h"
#include "linux/initial_stack.h"
#include "linux/process_memory.h"

#define PATH "/bin/a-program"

static uint64_t word_at(struct process *p, vaddr_t va)
{
    uint64_t w = 0;
    KEXPECT_EQ(process_memory_read(p, va, &w, sizeof w), sizeof w);
    return w;
}

/* Does the string at va read as expected? */
static bool string_at(struct process *p, vaddr_t va, const char *expected)
{
    char s[64];
    size_t n = strlen(expected) + 1;
    return n <= sizeof s && process_memory_read(p, va, s, n) == n && !memcmp(s, expected, n);
}

/* Lay out a stack for argc arguments and envc environment strings, and check every word of it
   (and that it is aligned, if aligned). */
static void check_stack(int argc, int envc, bool aligned)
{
    struct process *p;
    KASSERT_EQ(process_create(job_root(), "stack-test", &p), ZX_OK);
    struct exec_args args;
    KASSERT_EQ(exec_args_init(&args), 0);
    char strings[8][24];
    for (int i = 0; i < argc + envc; i++) {
        /* "arg-N-RANDOM" or "VAR_N=RANDOM" */
        uint64_t r = ktest_random() % 1000000;
        const char *form = i < argc ? "arg-%d-%lu" : "VAR_%d=%lu";
        int len = ksnprintf(strings[i], sizeof strings[i], form, i, (unsigned long)r);
        KASSERT_EQ(exec_args_add(&args, strings[i], (size_t)len, i >= argc), 0);
    }
    struct program_info info = {0x401000 + PAGE_SIZE * (ktest_random() % 16), 0x400040, 7};
    struct exec_image image;
    KASSERT_EQ(initial_stack_build(p->space, PATH, &args, &info, &image), 0);

    if (aligned)
        KEXPECT_EQ(image.sp % 16, 0);
    vaddr_t at = image.sp;
    KEXPECT_EQ(word_at(p, at), argc);
    at += 8;
    for (int i = 0; i < argc; i++, at += 8)
        KEXPECT_TRUE(string_at(p, word_at(p, at), strings[i]));
    KEXPECT_EQ(word_at(p, at), 0); /* argv's NULL */
    at += 8;
    for (int i = argc; i < argc + envc; i++, at += 8)
        KEXPECT_TRUE(string_at(p, word_at(p, at), strings[i]));
    KEXPECT_EQ(word_at(p, at), 0); /* envp's NULL */
    at += 8;
    bool page_size = false, entry = false, execfn = false, random = false;
    for (int pairs = 0; pairs < 64; pairs++, at += 16) {
        uint64_t type = word_at(p, at), value = word_at(p, at + 8);
        if (type == AT_NULL)
            break;
        page_size |= type == AT_PAGESZ && value == PAGE_SIZE;
        entry |= type == AT_ENTRY && value == info.entry;
        execfn |= type == AT_EXECFN && string_at(p, value, PATH);
        uint8_t bytes[16];
        random |= type == AT_RANDOM && process_memory_read(p, value, bytes, sizeof bytes) == 16;
    }
    KEXPECT_TRUE(page_size && entry && execfn && random);
    KEXPECT_TRUE(string_at(p, image.arg_start, strings[0]));
    KEXPECT_TRUE(image.arg_start < image.arg_end && image.arg_end <= image.env_end);
    exec_args_destroy(&args);
    kobject_unref(&p->base);
}

KTEST(initial_stack_holds_argc_argv_envp_and_auxv)
{
    check_stack(1 + (int)(ktest_random() % 3), 1 + (int)(ktest_random() % 3), false);
}

KTEST(initial_stack_is_aligned_whatever_the_counts)
{
    for (int argc = 1; argc <= 4; argc++)
        for (int envc = 0; envc <= 3; envc++)
            check_stack(argc, envc, true);
}
