/*: # Memory mappings: a test program

A test program of `mmap` of files and devices, of shared memory across `fork`, and of `mremap`,
printing TAP. As for the other test programs, every expectation was checked on Linux first (built
with musl's compiler and run there), so that what Zinc must do is what Linux does. It works in a
fresh directory under /tmp, on a file of two pages and a bit whose every byte is known. Bad input
is part of it: a bad descriptor, offset, length or kind of file, a range that is not mapped. */
#define _GNU_SOURCE /* mremap */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tap.h"

#define PAGE 4096
#define FILE_SIZE (2 * PAGE + 100) /* a last page that is mostly past the end */

/* Did the call fail with err? mmap and mremap fail with MAP_FAILED, the others with -1. */
#define FAILS(call, err) ((long)(call) == -1 && errno == (err))

/* The byte at offset i of the test file. */
static unsigned char byte_at(long i)
{
    return (unsigned char)(i * 7 + 3);
}

static void make_file(const char *path)
{
    static unsigned char bytes[FILE_SIZE];
    for (long i = 0; i < FILE_SIZE; i++)
        bytes[i] = byte_at(i);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || write(fd, bytes, FILE_SIZE) != FILE_SIZE) {
        printf("Bail out! cannot write %s\n", path);
        exit(1);
    }
    close(fd);
}

/* Do the len bytes at p hold the file's bytes from offset? */
static int holds_file(const unsigned char *p, long offset, long len)
{
    for (long i = 0; i < len; i++)
        if (p[i] != byte_at(offset + i))
            return 0;
    return 1;
}

static int all_zero(const unsigned char *p, long len)
{
    for (long i = 0; i < len; i++)
        if (p[i])
            return 0;
    return 1;
}

static int byte_in_file(int fd, long offset)
{
    unsigned char c;
    return pread(fd, &c, 1, offset) == 1 ? c : -1;
}

/* Run child in a child process: did it exit with status 0? */
static int in_child(void (*child)(void *), void *arg)
{
    int status;
    pid_t pid = fork();
    if (pid == 0) {
        child(arg);
        _exit(0);
    }
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

static void store_42(void *p)
{
    *(volatile unsigned char *)p = 42;
}

static void private_files(void)
{
    int fd = open("f", O_RDONLY);
    unsigned char *p = mmap(NULL, FILE_SIZE, PROT_READ, MAP_PRIVATE, fd, 0);
    check(p != MAP_FAILED && holds_file(p, 0, FILE_SIZE), "a private mapping shows the file");
    check(p != MAP_FAILED && all_zero(p + FILE_SIZE, 3 * PAGE - FILE_SIZE),
          "the last page is zero past the end of the file");
    munmap(p, FILE_SIZE);
    p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, PAGE);
    check(p != MAP_FAILED && holds_file(p, PAGE, PAGE), "an offset maps the file from there");
    munmap(p, PAGE);
    p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    check(p != MAP_FAILED, "a private writable mapping of a read-only descriptor is allowed");
    if (p != MAP_FAILED) {
        p[5] = 99;
        check(p[5] == 99 && byte_in_file(fd, 5) == byte_at(5),
              "a store to a private mapping stays out of the file");
        munmap(p, PAGE);
    }
    close(fd);
}

static sigjmp_buf escape;
static int fault_signo, fault_code;
static void *fault_addr;

static void leave(int sig, siginfo_t *info, void *context)
{
    fault_signo = sig;
    fault_code = info->si_code;
    fault_addr = info->si_addr;
    (void)context;
    siglongjmp(escape, 1);
}

/* Touch the byte at p, catching the signal that may come: 0, or its number. */
static int touch(volatile unsigned char *p)
{
    struct sigaction sa, old_bus, old_segv;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = leave;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, &old_bus);
    sigaction(SIGSEGV, &sa, &old_segv);
    fault_signo = 0;
    if (!sigsetjmp(escape, 1))
        (void)*p;
    sigaction(SIGBUS, &old_bus, NULL);
    sigaction(SIGSEGV, &old_segv, NULL);
    return fault_signo;
}

static void shared_files(void)
{
    make_file("shared"); /* a file of its own: these tests change it */
    int fd = open("shared", O_RDWR);
    unsigned char *p = mmap(NULL, FILE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    unsigned char *q = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, PAGE);
    check(p != MAP_FAILED && q != MAP_FAILED && holds_file(p, 0, FILE_SIZE),
          "a shared mapping shows the file");
    if (p == MAP_FAILED || q == MAP_FAILED)
        return;
    p[PAGE + 10] = 200;
    check(byte_in_file(fd, PAGE + 10) == 200, "a store to a shared mapping is in the file");
    check(q[10] == 200, "and in another shared mapping of it");
    unsigned char c = 77;
    pwrite(fd, &c, 1, 20);
    check(p[20] == 77, "a write to the file is seen through a shared mapping");
    check(in_child(store_42, p + 30) && p[30] == 42 && byte_in_file(fd, 30) == 42,
          "a child's store to a shared file mapping is the parent's and the file's");
    munmap(p, FILE_SIZE);
    munmap(q, PAGE);
    close(fd);

    fd = open("grows", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "x", 1);
    p = mmap(NULL, 3 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
    c = 5;
    pwrite(fd, &c, 1, 2 * PAGE + 1);
    check(p != MAP_FAILED && p[0] == 'x' && p[2 * PAGE + 1] == 5 && p[2 * PAGE] == 0,
          "a file that grows shows its new bytes in a mapping made before");
    munmap(p, 3 * PAGE);
    ftruncate(fd, 1);
    p = mmap(NULL, 2 * PAGE, PROT_READ, MAP_SHARED, fd, 0);
    check(p != MAP_FAILED && touch(p + 1) == 0 && touch(p + PAGE) == SIGBUS &&
              fault_code == BUS_ADRERR && fault_addr == p + PAGE,
          "a page wholly past the end of the file: SIGBUS, BUS_ADRERR, with the address");
    munmap(p, 2 * PAGE);
    close(fd);
}

static void access_modes(void)
{
    int ro = open("f", O_RDONLY), wo = open("f", O_WRONLY);
    void *p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, ro, 0);
    check(p != MAP_FAILED, "a shared read-only mapping of a read-only descriptor is allowed");
    check(FAILS(mprotect(p, PAGE, PROT_READ | PROT_WRITE), EACCES) &&
              mprotect(p, PAGE, PROT_NONE) == 0 && mprotect(p, PAGE, PROT_READ) == 0,
          "mprotect cannot make it writable (EACCES), only less or as much as it was");
    munmap(p, PAGE);
    p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, ro, 0);
    check(p != MAP_FAILED && mprotect(p, PAGE, PROT_READ | PROT_WRITE) == 0,
          "a private mapping of it may become writable: it is the process's own copy");
    munmap(p, PAGE);
    check(FAILS(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0), EACCES),
          "a shared writable mapping of a read-only descriptor is EACCES");
    check(FAILS(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, wo, 0), EACCES),
          "a mapping of a write-only descriptor is EACCES");
    close(ro);
    close(wo);
}

static void bad_input(void)
{
    int fd = open("f", O_RDONLY), pipe_fds[2], dir = open(".", O_RDONLY | O_DIRECTORY);
    int path = open("f", O_PATH);
    check(FAILS(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 100), EINVAL),
          "an offset that is not page-aligned is EINVAL");
    check(FAILS(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0), EBADF), "descriptor -1 is EBADF");
    check(FAILS(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, 200, 0), EBADF),
          "a descriptor not open is EBADF");
    check(FAILS(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, path, 0), EBADF),
          "an O_PATH descriptor is EBADF");
    check(FAILS(mmap(NULL, 0, PROT_READ, MAP_PRIVATE, fd, 0), EINVAL),
          "a file mapping of length 0 is EINVAL");
    check(FAILS(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL),
          "an anonymous mapping of length 0 is EINVAL");
    check(FAILS(mmap(NULL, PAGE, PROT_READ, 0, fd, 0), EINVAL),
          "neither shared nor private is EINVAL");
    check(FAILS(mmap((void *)(0x10000000 + 12), PAGE, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0),
                EINVAL),
          "MAP_FIXED at an address that is not page-aligned is EINVAL");
    check(pipe(pipe_fds) == 0 &&
              FAILS(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, pipe_fds[0], 0), ENODEV),
          "a pipe cannot be mapped: ENODEV");
    check(FAILS(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, dir, 0), ENODEV),
          "a directory cannot be mapped: ENODEV");
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    close(dir);
    close(path);
    close(fd);
}

static void zero_device(void)
{
    int fd = open("/dev/zero", O_RDWR);
    unsigned char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    check(p != MAP_FAILED && all_zero(p, 2 * PAGE), "a private mapping of /dev/zero is zeros");
    if (p != MAP_FAILED) {
        p[PAGE] = 1;
        check(p[PAGE] == 1, "and it is writable memory");
        munmap(p, 2 * PAGE);
    }
    p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    check(p != MAP_FAILED && in_child(store_42, p) && p[0] == 42,
          "a shared mapping of /dev/zero is shared with a child");
    munmap(p, PAGE);
    close(fd);
}

static void shared_anonymous(void)
{
    unsigned char *shared =
        mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    unsigned char *private =
        mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (shared == MAP_FAILED || private == MAP_FAILED) {
        check(0, "anonymous mappings for fork");
        return;
    }
    shared[PAGE] = 1; /* a page touched before the fork, and one not */
    check(in_child(store_42, shared + PAGE) && in_child(store_42, shared + 1) &&
              shared[PAGE] == 42 && shared[1] == 42,
          "a child's store to shared anonymous memory is the parent's");
    private[0] = 1;
    check(in_child(store_42, private) && private[0] == 1,
          "a child's store to private anonymous memory is its own");
    munmap(shared, 2 * PAGE);
    munmap(private, 2 * PAGE);
}

/* A free range of pages pages: mapped, then unmapped. */
static unsigned char *free_range(long pages)
{
    void *p = mmap(NULL, pages * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(p, pages * PAGE);
    return p;
}

/* A read-write anonymous mapping of pages pages at at (anywhere if NULL), filled with fill. */
static unsigned char *mapped(unsigned char *at, long pages, int fill)
{
    unsigned char *p = mmap(at, pages * PAGE, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS | (at ? MAP_FIXED : 0), -1, 0);
    if (p != MAP_FAILED)
        memset(p, fill, pages * PAGE);
    return p;
}

static int filled(const unsigned char *p, long len, int fill)
{
    for (long i = 0; i < len; i++)
        if (p[i] != fill)
            return 0;
    return 1;
}

/* Is the page at p unmapped? (mremap of an unmapped range is EFAULT.) */
static int unmapped(void *p)
{
    return FAILS(mremap(p, PAGE, PAGE, 0), EFAULT);
}

static void remaps(void)
{
    unsigned char *base = free_range(8), *p = mapped(base, 4, 'a');
    check(mremap(p, 4 * PAGE, 2 * PAGE, 0) == p && filled(p, 2 * PAGE, 'a') &&
              unmapped(p + 2 * PAGE),
          "mremap shrinks in place, and the end is unmapped");
    unsigned char *q = mremap(p, 2 * PAGE, 5 * PAGE, 0);
    check(q == p && filled(p, 2 * PAGE, 'a') && all_zero(p + 2 * PAGE, 3 * PAGE),
          "mremap grows in place into free pages, with zeros");
    p[5 * PAGE - 1] = 'z';
    mapped(p + 5 * PAGE, 1, 'b'); /* now the page after it is taken */
    check(FAILS(mremap(p, 5 * PAGE, 6 * PAGE, 0), ENOMEM),
          "mremap cannot grow over a mapping without MREMAP_MAYMOVE: ENOMEM");
    q = mremap(p, 5 * PAGE, 8 * PAGE, MREMAP_MAYMOVE);
    check(q != MAP_FAILED && q != p && filled(q, 2 * PAGE, 'a') && q[5 * PAGE - 1] == 'z' &&
              all_zero(q + 5 * PAGE, 3 * PAGE) && unmapped(p) && filled(p + 5 * PAGE, PAGE, 'b'),
          "with MREMAP_MAYMOVE it moves, with its bytes, and the old place is unmapped");
    if (q != MAP_FAILED)
        q[8 * PAGE - 1] = 'y'; /* the new pages are writable */
    unsigned char *target = free_range(2);
    unsigned char *r = mremap(q, 8 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, target);
    check(r == target && filled(r, 2 * PAGE, 'a') && unmapped(q),
          "MREMAP_FIXED moves to the address given");
    check(FAILS(mremap(r, 2 * PAGE, 4 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, r + PAGE), EINVAL),
          "MREMAP_FIXED onto an overlapping range is EINVAL");
    munmap(r, 2 * PAGE);
    munmap(p + 5 * PAGE, PAGE);
}

static void remap_files(void)
{
    make_file("remapped");
    int fd = open("remapped", O_RDWR);
    unsigned char *p = free_range(2);
    p = mmap(p, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
    mapped(p + PAGE, 1, 'b'); /* so that growing must move */
    unsigned char *q = mremap(p, PAGE, 2 * PAGE, MREMAP_MAYMOVE);
    check(q != MAP_FAILED && holds_file(q, 0, 2 * PAGE),
          "a shared file mapping that grows shows the file's next bytes");
    if (q != MAP_FAILED) {
        q[PAGE + 50] = 201;
        check(byte_in_file(fd, PAGE + 50) == 201, "and its stores still reach the file");
        munmap(q, 2 * PAGE);
    }
    munmap(p + PAGE, PAGE);
    close(fd);
}

static void bad_remaps(void)
{
    unsigned char *hole = free_range(2), *p = mapped(NULL, 1, 'a');
    check(FAILS(mremap(hole, PAGE, 2 * PAGE, MREMAP_MAYMOVE), EFAULT),
          "mremap of an unmapped range is EFAULT");
    check(FAILS(mremap(p + 1, PAGE, 2 * PAGE, MREMAP_MAYMOVE), EINVAL),
          "mremap of an address that is not page-aligned is EINVAL");
    check(FAILS(mremap(p, PAGE, 0, MREMAP_MAYMOVE), EINVAL), "mremap to length 0 is EINVAL");
    check(FAILS(mremap(p, PAGE, 2 * PAGE, MREMAP_FIXED, hole), EINVAL),
          "MREMAP_FIXED without MREMAP_MAYMOVE is EINVAL");
    check(FAILS(mremap(p, PAGE, 2 * PAGE, 0x100), EINVAL), "an unknown mremap flag is EINVAL");
    check(filled(p, PAGE, 'a'), "and none of these touched the mapping");
    munmap(p, PAGE);
}

int main(void)
{
    char dir[] = "/tmp/mmap-test-XXXXXX";
    if (!mkdtemp(dir) || chdir(dir)) {
        printf("not ok 1 - cannot make a directory in /tmp\n0 passed, 1 failed\n");
        return 1;
    }
    make_file("f");
    private_files();
    shared_files();
    access_modes();
    bad_input();
    zero_device();
    shared_anonymous();
    remaps();
    remap_files();
    bad_remaps();
    return tap_done();
}
