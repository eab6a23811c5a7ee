/*: # Conformance: files, stdio, the environment, options, non-local jumps

The conformance suite's program for what a C program does most besides computing: files read and
written through their edge cases (short reads, `O_APPEND`, holes, and the errors a path can give:
`EISDIR`, `ENOTDIR`, `ENAMETOOLONG`, `ELOOP`), stdio's streams over pipes, the environment,
`getopt`, `setjmp`/`longjmp`, and epoll's edges and nesting. Built against musl (/bin/conform-io)
and against glibc (/bin/glibc-conform-io), and run on Linux first; it works in a directory of its
own under /tmp, which it removes at its end. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <setjmp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tap.h"

#define FAILS_WITH(call, e) ((call) == -1 && errno == (e))

static char dir[64]; /* the program's own directory */

/* dir/name, in a buffer of the caller's. */
static char *in_dir(char *buf, const char *name)
{
    snprintf(buf, PATH_MAX, "%s/%s", dir, name);
    return buf;
}

static int make_file(const char *name, const char *text)
{
    char path[PATH_MAX];
    int fd = open(in_dir(path, name), O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0 && text)
        write(fd, text, strlen(text));
    return fd;
}

/*: ## Short reads and writes */

static void test_short_reads(void)
{
    int fd = make_file("short", "0123456789");
    char buf[64];
    lseek(fd, 0, SEEK_SET);
    check(read(fd, buf, sizeof buf) == 10, "a read larger than the file returns what there is");
    check(read(fd, buf, sizeof buf) == 0, "a read at the end of a file returns 0");
    check(pread(fd, buf, 4, 8) == 2 && memcmp(buf, "89", 2) == 0,
          "a pread across the end returns the bytes before it");
    check(pread(fd, buf, 4, 100) == 0, "a pread past the end returns 0");
    check(lseek(fd, 0, SEEK_CUR) == 10, "pread leaves the offset alone");
    check(read(fd, buf, 0) == 0, "a read of 0 bytes returns 0");

    struct iovec iov[2] = {{buf, 3}, {buf + 10, 20}};
    lseek(fd, 0, SEEK_SET);
    check(readv(fd, iov, 2) == 10 && memcmp(buf, "012", 3) == 0 &&
              memcmp(buf + 10, "3456789", 7) == 0,
          "readv fills its buffers in order and stops short at the end");
    close(fd);

    int p[2];
    pipe(p);
    write(p[1], "abc", 3);
    check(read(p[0], buf, sizeof buf) == 3, "a read of a pipe returns what is in it, not more");
    write(p[1], "de", 2);
    close(p[1]);
    check(read(p[0], buf, 1) == 1 && read(p[0], buf, 10) == 1,
          "a pipe's bytes come in as many reads as asked");
    check(read(p[0], buf, 10) == 0, "a pipe whose writer has closed reads 0");
    close(p[0]);

    pipe(p);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    check(FAILS_WITH(read(p[0], buf, 1), EAGAIN), "an empty non-blocking pipe is EAGAIN");
    close(p[0]);
    signal(SIGPIPE, SIG_IGN);
    check(FAILS_WITH(write(p[1], "x", 1), EPIPE), "a write to a pipe nobody reads is EPIPE");
    signal(SIGPIPE, SIG_DFL);
    close(p[1]);
}

/*: ## O_APPEND, holes, truncation */

static void test_append_and_holes(void)
{
    char path[PATH_MAX], buf[64];
    close(make_file("log", "first\n"));
    int fd = open(in_dir(path, "log"), O_WRONLY | O_APPEND);
    lseek(fd, 0, SEEK_SET);
    write(fd, "second\n", 7);
    check(lseek(fd, 0, SEEK_CUR) == 13, "an O_APPEND write moves the offset to the new end");
    int other = open(path, O_WRONLY | O_APPEND);
    write(other, "third\n", 6);
    write(fd, "fourth\n", 7);
    close(other);
    pwrite(fd, "fifth\n", 6, 0);
    close(fd);
    fd = open(path, O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf);
    check(n == 32 && memcmp(buf, "first\nsecond\nthird\nfourth\n", 26) == 0,
          "O_APPEND writes of two descriptors all land at the end, none lost");
    check(n == 32 && memcmp(buf + 26, "fifth\n", 6) == 0,
          "a pwrite on an O_APPEND descriptor appends too (Linux)");
    check(FAILS_WITH(write(fd, "x", 1), EBADF), "a write to a read-only descriptor is EBADF");
    close(fd);

    fd = make_file("holes", "ab");
    check(lseek(fd, 4096, SEEK_SET) == 4096, "lseek past the end is allowed");
    struct stat st;
    fstat(fd, &st);
    check(st.st_size == 2, "lseek alone does not grow the file");
    write(fd, "cd", 2);
    fstat(fd, &st);
    check(st.st_size == 4098, "a write past the end grows the file to its end");
    memset(buf, 'x', sizeof buf);
    pread(fd, buf, 8, 1000);
    check(memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0, "a hole reads as zeros");
    ftruncate(fd, 10000);
    fstat(fd, &st);
    memset(buf, 'x', sizeof buf);
    check(st.st_size == 10000 && pread(fd, buf, 8, 9990) == 8 &&
              memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0,
          "ftruncate up extends the file with zeros");
    ftruncate(fd, 1);
    fstat(fd, &st);
    check(st.st_size == 1 && pread(fd, buf, 8, 0) == 1 && buf[0] == 'a',
          "ftruncate down cuts the file");
    ftruncate(fd, 3);
    check(pread(fd, buf, 8, 0) == 3 && memcmp(buf, "a\0\0", 3) == 0,
          "bytes cut by ftruncate read as zeros when the file grows again");
    check(FAILS_WITH(ftruncate(fd, -1), EINVAL), "ftruncate to a negative size is EINVAL");
    check(FAILS_WITH(lseek(fd, -1, SEEK_SET), EINVAL), "lseek to a negative offset is EINVAL");
    check(FAILS_WITH(lseek(fd, 0, 42), EINVAL), "lseek with an unknown whence is EINVAL");
    close(fd);

    fd = open(path, O_RDWR | O_TRUNC);
    fstat(fd, &st);
    check(st.st_size == 0, "O_TRUNC empties a file");
    close(fd);
    check(FAILS_WITH(open(path, O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST),
          "O_CREAT|O_EXCL of an existing file is EEXIST");
    int p[2];
    pipe(p);
    check(FAILS_WITH(lseek(p[0], 0, SEEK_SET), ESPIPE), "lseek on a pipe is ESPIPE");
    close(p[0]);
    close(p[1]);

    fd = open(path, O_RDWR);
    write(fd, "kept", 4);
    unlink(path);
    check(pread(fd, buf, 4, 0) == 4 && memcmp(buf, "kept", 4) == 0,
          "an unlinked file stays readable through an open descriptor");
    check(FAILS_WITH(open(path, O_RDONLY), ENOENT), "an unlinked file's name is gone (ENOENT)");
    close(fd);

    fd = make_file("shared", "0123456789");
    int copy = dup(fd);
    lseek(fd, 3, SEEK_SET);
    check(lseek(copy, 0, SEEK_CUR) == 3, "dup's descriptor shares the file offset");
    int again = open(in_dir(path, "shared"), O_RDONLY);
    check(lseek(again, 0, SEEK_CUR) == 0, "a second open has an offset of its own");
    close(again);
    close(copy);
    close(fd);
}

/*: ## The errors of paths */

static void test_path_errors(void)
{
    char path[PATH_MAX], buf[16];
    int fd = open(dir, O_RDONLY);
    check(FAILS_WITH(read(fd, buf, 1), EISDIR), "a read of a directory is EISDIR");
    close(fd);
    check(FAILS_WITH(open(dir, O_WRONLY), EISDIR), "opening a directory for writing is EISDIR");
    check(FAILS_WITH(open(dir, O_RDWR), EISDIR), "opening a directory O_RDWR is EISDIR");
    check(FAILS_WITH(open(dir, O_WRONLY | O_CREAT, 0644), EISDIR),
          "O_CREAT on an existing directory is EISDIR");
    check(FAILS_WITH(unlink(dir), EISDIR), "unlink of a directory is EISDIR");

    close(make_file("plain", "x"));
    check(FAILS_WITH(open(in_dir(path, "plain/x"), O_RDONLY), ENOTDIR),
          "a file used as a directory in a path is ENOTDIR");
    check(FAILS_WITH(open(path, O_WRONLY | O_CREAT, 0644), ENOTDIR),
          "creating a file under a file is ENOTDIR");
    check(FAILS_WITH(mkdir(path, 0755), ENOTDIR), "mkdir under a file is ENOTDIR");
    check(FAILS_WITH(open(in_dir(path, "plain"), O_RDONLY | O_DIRECTORY), ENOTDIR),
          "O_DIRECTORY on a file is ENOTDIR");
    check(FAILS_WITH(rmdir(path), ENOTDIR), "rmdir of a file is ENOTDIR");
    check(FAILS_WITH(chdir(path), ENOTDIR), "chdir to a file is ENOTDIR");
    check(FAILS_WITH(open(in_dir(path, "plain/"), O_RDONLY), ENOTDIR),
          "a file named with a trailing slash is ENOTDIR");
    check(FAILS_WITH(open(in_dir(path, "missing/x"), O_RDONLY), ENOENT),
          "a missing directory in a path is ENOENT");
    check(FAILS_WITH(open("", O_RDONLY), ENOENT), "an empty path is ENOENT");

    char *long_name = malloc(PATH_MAX + 16);
    int len = snprintf(long_name, PATH_MAX, "%s/", dir);
    memset(long_name + len, 'n', NAME_MAX + 1);
    long_name[len + NAME_MAX + 1] = 0;
    check(FAILS_WITH(open(long_name, O_RDONLY | O_CREAT, 0644), ENAMETOOLONG),
          "a name of NAME_MAX+1 bytes is ENAMETOOLONG");
    struct stat st;
    check(FAILS_WITH(stat(long_name, &st), ENAMETOOLONG), "stat of it is ENAMETOOLONG too");
    check(FAILS_WITH(mkdir(long_name, 0755), ENAMETOOLONG), "mkdir of it is ENAMETOOLONG");
    long_name[len + NAME_MAX] = 0;
    fd = open(long_name, O_RDWR | O_CREAT, 0644);
    check(fd >= 0, "a name of NAME_MAX bytes is allowed");
    close(fd);
    unlink(long_name);
    memset(long_name, 'a', PATH_MAX + 8);
    long_name[0] = '/';
    for (int i = 2; i < PATH_MAX + 8; i += 2)
        long_name[i] = '/';
    long_name[PATH_MAX + 8] = 0;
    check(FAILS_WITH(open(long_name, O_RDONLY), ENAMETOOLONG),
          "a path longer than PATH_MAX is ENAMETOOLONG");
    free(long_name);

    char target[PATH_MAX];
    symlink(in_dir(target, "loop-b"), in_dir(path, "loop-a"));
    symlink(in_dir(target, "loop-a"), in_dir(path, "loop-b"));
    check(FAILS_WITH(open(in_dir(path, "loop-a"), O_RDONLY), ELOOP),
          "two links naming each other are ELOOP");
    check(FAILS_WITH(stat(path, &st), ELOOP), "stat through them is ELOOP");
    check(lstat(path, &st) == 0 && S_ISLNK(st.st_mode), "lstat of one is the link itself");
    symlink("self", in_dir(path, "self"));
    check(FAILS_WITH(open(path, O_RDONLY), ELOOP), "a link to itself is ELOOP");
    check(FAILS_WITH(open(in_dir(path, "self/x"), O_RDONLY), ELOOP),
          "a looping link in the middle of a path is ELOOP");
    symlink("plain", in_dir(path, "to-plain"));
    check(FAILS_WITH(open(path, O_RDONLY | O_NOFOLLOW), ELOOP), "O_NOFOLLOW on a link is ELOOP");
    fd = open(path, O_RDONLY);
    check(fd >= 0 && read(fd, buf, 2) == 1 && buf[0] == 'x', "a relative link is followed");
    close(fd);
    char link_text[64] = "";
    check(readlink(path, link_text, sizeof link_text) == 5 && memcmp(link_text, "plain", 5) == 0,
          "readlink gives the link's text, unterminated");
    check(FAILS_WITH(readlink(in_dir(path, "plain"), link_text, sizeof link_text), EINVAL),
          "readlink of a file is EINVAL");

    /* A chain of 50 links: Linux follows at most 40. */
    char from[PATH_MAX];
    for (int i = 1; i <= 50; i++) {
        snprintf(target, sizeof target, "chain%d", i - 1);
        snprintf(from, sizeof from, "%s/chain%d", dir, i);
        symlink(i == 1 ? "plain" : target, from);
    }
    fd = open(in_dir(path, "chain30"), O_RDONLY);
    check(fd >= 0, "a chain of 30 links is followed");
    close(fd);
    check(FAILS_WITH(open(in_dir(path, "chain50"), O_RDONLY), ELOOP),
          "a chain of 50 links is ELOOP");
    for (int i = 1; i <= 50; i++) {
        snprintf(from, sizeof from, "%s/chain%d", dir, i);
        unlink(from);
    }

    check(FAILS_WITH(mkdir(dir, 0755), EEXIST), "mkdir of an existing directory is EEXIST");
    mkdir(in_dir(path, "full"), 0755);
    close(make_file("full/file", "x"));
    check(FAILS_WITH(rmdir(path), ENOTEMPTY), "rmdir of a directory with a file is ENOTEMPTY");
    check(FAILS_WITH(rename(in_dir(target, "plain"), path), EISDIR),
          "renaming a file over a directory is EISDIR");
    unlink(in_dir(path, "full/file"));
    check(rmdir(in_dir(path, "full")) == 0, "rmdir of an emptied directory succeeds");
}

/*: ## stdio on pipes */

static void test_stdio_pipes(void)
{
    int p[2];
    pipe(p);
    FILE *out = fdopen(p[1], "w"), *in = fdopen(p[0], "r");
    check(out && in, "fdopen makes streams of a pipe's two ends");
    fprintf(out, "line %d\n", 1);
    char buf[64];
    int flags = fcntl(p[0], F_GETFL);
    fcntl(p[0], F_SETFL, flags | O_NONBLOCK);
    check(FAILS_WITH(read(p[0], buf, 1), EAGAIN),
          "a stream on a pipe is fully buffered: nothing is written before fflush");
    fcntl(p[0], F_SETFL, flags);
    fflush(out);
    check(fgets(buf, sizeof buf, in) && strcmp(buf, "line 1\n") == 0,
          "fgets reads the line fflush wrote");
    fputs("two\nthree", out);
    fclose(out);
    check(fgets(buf, sizeof buf, in) && strcmp(buf, "two\n") == 0, "fgets stops at a newline");
    check(fgets(buf, sizeof buf, in) && strcmp(buf, "three") == 0,
          "fgets returns a last line with no newline at the end of the stream");
    check(fgets(buf, sizeof buf, in) == NULL && feof(in), "then the stream is at its end");
    clearerr(in);
    check(!feof(in), "clearerr forgets the end");
    fclose(in);

    pipe(p);
    out = fdopen(p[1], "w");
    in = fdopen(p[0], "r");
    setvbuf(out, NULL, _IOLBF, 0);
    fputs("partial", out);
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    check(FAILS_WITH(read(p[0], buf, 1), EAGAIN), "a line-buffered stream keeps a partial line");
    fputs(" done\n", out);
    ssize_t n = read(p[0], buf, sizeof buf);
    check(n == 13 && memcmp(buf, "partial done\n", 13) == 0,
          "a line-buffered stream writes at the newline");
    fcntl(p[0], F_SETFL, 0);
    fputs("ab", out);
    fclose(out);
    check(getc(in) == 'a' && ungetc('z', in) == 'z' && getc(in) == 'z' && getc(in) == 'b',
          "ungetc pushes back a character getc then reads");
    check(getc(in) == EOF && feof(in) && !ferror(in), "getc at the end is EOF, not an error");
    fclose(in);

    pipe(p);
    fflush(stdout); /* else the child's exit would print this program's buffered lines again */
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        FILE *child = fdopen(p[1], "w");
        for (int i = 0; i < 1000; i++)
            fprintf(child, "%04d\n", i);
        exit(0); /* exit flushes the stream */
    }
    close(p[1]);
    in = fdopen(p[0], "r");
    int count = 0, in_order = 1, value;
    while (fscanf(in, "%d", &value) == 1)
        in_order &= value == count++;
    fclose(in);
    waitpid(pid, NULL, 0);
    check(count == 1000 && in_order, "5000 bytes from a child's stream, flushed by exit, in order");

    FILE *cmd = popen("echo popen works", "r");
    check(cmd && fgets(buf, sizeof buf, cmd) && strcmp(buf, "popen works\n") == 0,
          "popen reads a shell command's output");
    check(cmd && pclose(cmd) == 0, "pclose gives the command's status");

    pipe(p);
    out = fdopen(p[1], "w");
    in = fdopen(p[0], "r");
    char big[3000];
    memset(big, 'q', sizeof big);
    check(fwrite(big, 1, sizeof big, out) == sizeof big, "fwrite of 3000 bytes");
    fclose(out);
    size_t got = fread(big, 1, sizeof big, in);
    check(got == sizeof big && fread(big, 1, 10, in) == 0 && feof(in),
          "fread gets them all, then a short count at the end");
    fclose(in);
}

/*: ## The environment */

extern char **environ;

static int in_environ(const char *entry)
{
    for (char **e = environ; *e; e++)
        if (strcmp(*e, entry) == 0)
            return 1;
    return 0;
}

static void test_environment(const char *self)
{
    check(setenv("CONFORM_A", "one", 1) == 0 && strcmp(getenv("CONFORM_A"), "one") == 0,
          "setenv then getenv");
    check(in_environ("CONFORM_A=one"), "setenv's variable is in environ");
    setenv("CONFORM_A", "two", 0);
    check(strcmp(getenv("CONFORM_A"), "one") == 0, "setenv without overwrite keeps the value");
    setenv("CONFORM_A", "three", 1);
    check(strcmp(getenv("CONFORM_A"), "three") == 0, "setenv with overwrite replaces it");
    static char put[] = "CONFORM_B=put";
    putenv(put);
    check(getenv("CONFORM_B") && strcmp(getenv("CONFORM_B"), "put") == 0, "putenv adds a variable");
    put[10] = 'P';
    check(strcmp(getenv("CONFORM_B"), "Put") == 0, "putenv's string is the environment's own");
    unsetenv("CONFORM_A");
    check(getenv("CONFORM_A") == NULL && !in_environ("CONFORM_A=three"), "unsetenv removes it");
    check(FAILS_WITH(setenv("BAD=NAME", "x", 1), EINVAL), "setenv of a name with '=' is EINVAL");
    check(FAILS_WITH(setenv("", "x", 1), EINVAL), "setenv of an empty name is EINVAL");

    setenv("CONFORM_C", "inherited", 1);
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = {(char *)self, "--print-env", NULL};
        char *envp[] = {"ONLY=this", NULL};
        execve(self, argv, envp);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 42,
          "execve gives the new program exactly the environment it was passed");
    pid = fork();
    if (pid == 0)
        _exit(getenv("CONFORM_C") && strcmp(getenv("CONFORM_C"), "inherited") == 0 ? 0 : 1);
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a forked child has its parent's environ");
    pid = fork();
    if (pid == 0) {
        char *argv[] = {(char *)self, "--print-env", NULL};
        execv(self, argv);
        _exit(127);
    }
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 43, "execv passes on environ");
}

/* Run as self --print-env: which environment this program was given, as its exit status. */
static int print_env(void)
{
    if (getenv("ONLY") && strcmp(getenv("ONLY"), "this") == 0 && environ[1] == NULL)
        return 42;
    if (getenv("CONFORM_C") && strcmp(getenv("CONFORM_C"), "inherited") == 0)
        return 43;
    return 1;
}

/*: ## getopt */

static int parse(int argc, char **argv, const char *spec, char *seen, char **arg)
{
    optind = 0; /* a full reset in both C libraries */
    opterr = 0;
    int c, n = 0;
    while ((c = getopt(argc, argv, spec)) != -1) {
        seen[n++] = (char)c;
        if (c == 'b' || c == 'c')
            *arg = optarg;
    }
    seen[n] = 0;
    return n;
}

static void test_getopt(void)
{
    char seen[16], *arg = NULL;
    char *argv1[] = {"prog", "-a", "-b", "value", "file", NULL};
    parse(5, argv1, "+ab:", seen, &arg);
    check(strcmp(seen, "ab") == 0 && strcmp(arg, "value") == 0, "getopt: flags and an argument");
    check(optind == 4, "optind names the first operand");
    char *argv2[] = {"prog", "-ac", "joined", NULL};
    parse(3, argv2, "+ac:", seen, &arg);
    check(strcmp(seen, "ac") == 0 && strcmp(arg, "joined") == 0, "getopt: options run together");
    char *argv3[] = {"prog", "-cglued", NULL};
    parse(2, argv3, "+c:", seen, &arg);
    check(strcmp(seen, "c") == 0 && strcmp(arg, "glued") == 0, "getopt: an argument glued on");
    char *argv4[] = {"prog", "-x", NULL};
    parse(2, argv4, "+a", seen, &arg);
    check(strcmp(seen, "?") == 0 && optopt == 'x', "an unknown option is '?', optopt says which");
    char *argv5[] = {"prog", "-b", NULL};
    parse(2, argv5, "+:b:", seen, &arg);
    check(strcmp(seen, ":") == 0 && optopt == 'b', "a missing argument is ':' with a leading ':'");
    parse(2, argv5, "+b:", seen, &arg);
    check(strcmp(seen, "?") == 0, "a missing argument is '?' without it");
    char *argv6[] = {"prog", "-a", "--", "-b", NULL};
    parse(4, argv6, "+ab", seen, &arg);
    check(strcmp(seen, "a") == 0 && optind == 3, "\"--\" ends the options");
    char *argv7[] = {"prog", "-", NULL};
    parse(2, argv7, "+a", seen, &arg);
    check(seen[0] == 0 && optind == 1, "a lone \"-\" is an operand");

    static const struct option longs[] = {
        {"verbose", no_argument, NULL, 'v'},
        {"output", required_argument, NULL, 'o'},
        {NULL, 0, NULL, 0},
    };
    char *argv8[] = {"prog", "--verbose", "--output=file", "--output", "two", NULL};
    optind = 0;
    int v = 0, o = 0, c;
    char *last = NULL;
    while ((c = getopt_long(5, argv8, "+vo:", longs, NULL)) != -1) {
        v += c == 'v';
        if (c == 'o') {
            o++;
            last = optarg;
        }
    }
    check(v == 1 && o == 2 && last && strcmp(last, "two") == 0,
          "getopt_long: a flag, and an argument after '=' and as the next word");
    char *argv9[] = {"prog", "--verb", NULL};
    optind = 0;
    check(getopt_long(2, argv9, "+vo:", longs, NULL) == 'v', "getopt_long takes a unique prefix");
}

/*: ## setjmp and longjmp */

static jmp_buf jump;
static sigjmp_buf sigjump;

static void jump_back(int value)
{
    longjmp(jump, value);
}

static void jump_from_handler(int sig)
{
    siglongjmp(sigjump, sig);
}

static int depth_reached;

static void recurse_then_jump(int depth)
{
    depth_reached = depth;
    if (depth == 100)
        longjmp(jump, depth);
    if (depth < 100) /* always: a path that returns, for the compiler */
        recurse_then_jump(depth + 1);
}

static void test_setjmp(void)
{
    volatile int calls = 0;
    int r = setjmp(jump);
    calls++;
    if (r == 0)
        jump_back(5);
    check(r == 5 && calls == 2, "longjmp returns to setjmp with its value");
    r = setjmp(jump);
    if (r == 0)
        jump_back(0);
    check(r == 1, "longjmp with 0 makes setjmp return 1");
    r = setjmp(jump);
    if (r == 0)
        recurse_then_jump(1);
    check(r == 100 && depth_reached == 100, "longjmp out of 100 nested calls");

    volatile double kept = 1.5;
    r = setjmp(jump);
    if (r == 0) {
        kept = 2.5;
        jump_back(1);
    }
    check(kept == 2.5, "a volatile local keeps the value it had at the longjmp");

    struct sigaction sa = {.sa_handler = jump_from_handler};
    sigaction(SIGUSR1, &sa, NULL);
    r = sigsetjmp(sigjump, 1);
    if (r == 0)
        raise(SIGUSR1);
    sigset_t mask;
    sigprocmask(SIG_SETMASK, NULL, &mask);
    check(r == SIGUSR1, "siglongjmp out of a signal handler");
    check(!sigismember(&mask, SIGUSR1), "sigsetjmp(env, 1) restores the mask the handler changed");
    r = sigsetjmp(sigjump, 0);
    if (r == 0)
        raise(SIGUSR1);
    sigprocmask(SIG_SETMASK, NULL, &mask);
    check(r == SIGUSR1 && sigismember(&mask, SIGUSR1),
          "sigsetjmp(env, 0) leaves the handler's mask blocked");
    sigprocmask(SIG_UNBLOCK, &mask, NULL);

    sigset_t usr2;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    r = sigsetjmp(sigjump, 1);
    if (r == 0) {
        sigprocmask(SIG_BLOCK, &usr2, NULL);
        siglongjmp(sigjump, 3);
    }
    sigprocmask(SIG_SETMASK, NULL, &mask);
    check(r == 3 && !sigismember(&mask, SIGUSR2), "siglongjmp undoes a sigprocmask made since");
    signal(SIGUSR1, SIG_DFL);
}

/*: ## More of descriptors and directories */

static void test_descriptors_and_directories(const char *self)
{
    char path[PATH_MAX], other[PATH_MAX], buf[PATH_MAX];
    int fd = make_file("cloexec", "x");
    int kept = dup(fd), closing = fcntl(fd, F_DUPFD_CLOEXEC, 50);
    check(closing >= 50 && (fcntl(closing, F_GETFD) & FD_CLOEXEC) && !(fcntl(kept, F_GETFD) & 1),
          "F_DUPFD_CLOEXEC gives the lowest free number from 50, close-on-exec");
    check(dup2(kept, kept) == kept, "dup2 of a descriptor onto itself returns it");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char kept_text[16], closing_text[16];
        snprintf(kept_text, sizeof kept_text, "%d", kept);
        snprintf(closing_text, sizeof closing_text, "%d", closing);
        char *argv[] = {(char *)self, "--fds", kept_text, closing_text, NULL};
        execv(self, argv);
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 44,
          "execve keeps a plain descriptor and closes a close-on-exec one");
    close(closing);
    close(kept);
    int p[2];
    pipe(p);
    check(FAILS_WITH(pread(p[0], buf, 1, 0), ESPIPE), "pread on a pipe is ESPIPE");
    check(write(fd, buf, 0) == 0, "a write of 0 bytes returns 0");
    close(p[0]);
    close(p[1]);
    close(fd);

    check(truncate(in_dir(path, "cloexec"), 5000) == 0 && stat(path, (struct stat[1]){0}) == 0,
          "truncate by path");
    struct stat st;
    stat(path, &st);
    check(st.st_size == 5000, "truncate by path sets the size");
    fd = open(path, O_RDONLY);
    check(FAILS_WITH(lseek(fd, -5001, SEEK_END), EINVAL), "lseek before the start is EINVAL");
    check(lseek(fd, -1, SEEK_END) == 4999, "lseek from the end");
    close(fd);

    mkdir(in_dir(path, "d"), 0755);
    check(FAILS_WITH(rename(path, in_dir(other, "d/sub")), EINVAL),
          "renaming a directory into itself is EINVAL");
    check(FAILS_WITH(link(path, in_dir(other, "d-link")), EPERM),
          "a hard link to a directory is EPERM");
    check(FAILS_WITH(rmdir(in_dir(other, "d/.")), EINVAL), "rmdir of \".\" is EINVAL");
    check(mkdir(in_dir(other, "d/trailing/"), 0755) == 0, "mkdir with a trailing slash");
    check(stat(in_dir(other, "d/trailing/."), &st) == 0 && S_ISDIR(st.st_mode),
          "a directory's \".\" is itself");
    char cwd[PATH_MAX];
    getcwd(cwd, sizeof cwd);
    check(chdir(path) == 0 && getcwd(buf, sizeof buf) && strcmp(buf, path) == 0,
          "getcwd after chdir names the directory");
    fd = open("relative", O_RDWR | O_CREAT, 0644);
    check(fd >= 0 && access(in_dir(other, "d/relative"), F_OK) == 0,
          "a relative path is taken from the working directory");
    close(fd);
    check(chdir("..") == 0 && getcwd(buf, sizeof buf) && strcmp(buf, dir) == 0,
          "chdir(\"..\") goes up");
    chdir(cwd);
    int dfd = open(path, O_RDONLY | O_DIRECTORY);
    fd = openat(dfd, "relative", O_RDONLY);
    check(dfd >= 0 && fd >= 0, "openat relative to a directory descriptor");
    close(fd);
    check(fstatat(dfd, "trailing", &st, 0) == 0 && S_ISDIR(st.st_mode), "fstatat");
    check(FAILS_WITH(openat(fd, "relative", O_RDONLY), EBADF),
          "openat relative to a closed descriptor is EBADF");
    close(dfd);
    rmdir(in_dir(other, "d/trailing"));
    unlink(in_dir(other, "d/relative"));
    rmdir(path);

    symlink("dangling-target", in_dir(path, "dangling"));
    check(FAILS_WITH(open(path, O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST),
          "O_CREAT|O_EXCL on a dangling link is EEXIST");
    fd = open(path, O_WRONLY | O_CREAT, 0644);
    check(fd >= 0 && access(in_dir(other, "dangling-target"), F_OK) == 0,
          "O_CREAT through a dangling link creates its target");
    close(fd);
    check(FAILS_WITH(access(in_dir(other, "missing"), F_OK), ENOENT), "access of a missing file");
    mkdir(in_dir(other, "real-dir"), 0755);
    symlink("real-dir", in_dir(path, "dir-link"));
    check(stat(in_dir(path, "dir-link/"), &st) == 0 && S_ISDIR(st.st_mode),
          "a link to a directory followed with a trailing slash");
    check(lstat(in_dir(path, "dir-link"), &st) == 0 && S_ISLNK(st.st_mode),
          "lstat of the link without the slash is the link");

    close(make_file("old", "old"));
    close(make_file("new", "new"));
    check(rename(in_dir(path, "old"), in_dir(other, "new")) == 0, "rename over an existing file");
    fd = open(other, O_RDONLY);
    check(read(fd, buf, 8) == 3 && memcmp(buf, "old", 3) == 0 && access(path, F_OK) == -1,
          "the file renamed over is replaced, the old name gone");
    close(fd);
    check(rename(other, other) == 0 && access(other, F_OK) == 0, "renaming a file onto itself");

    for (const char *const *n = (const char *const[]){"cloexec", "dangling", "dangling-target",
                                                      "dir-link", "new", NULL};
         *n; n++)
        unlink(in_dir(path, *n));
    rmdir(in_dir(path, "real-dir"));
}

/* Run as self --fds KEPT CLOSED after an execve: which of the two descriptors are open. */
/*: ## epoll: edges, and an epoll that can be waited on

An edge-triggered watch (`EPOLLET`) reports a descriptor when something happens to it (data
arrives, room appears, the other end goes), once: not again while nothing new happens, even with
data left unread (epoll(7)). So a program reads until `EAGAIN` before it waits again. An epoll
descriptor is itself readable while one of its descriptors is ready, so `poll` and another epoll
can wait on it. The wake-ups come from a child process that writes after a pause. */

static int watch(int ep, int fd, uint32_t events, uint64_t data)
{
    struct epoll_event e = {.events = events, .data.u64 = data};
    return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
}

/* How many events epoll_wait reports within ms, the first one's word in *data. */
static int wait_one(int ep, int ms, uint64_t *data)
{
    struct epoll_event e[4];
    int n = epoll_wait(ep, e, 4, ms);
    if (n > 0 && data)
        *data = e[0].data.u64;
    return n;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* A child that writes text to fd after ms milliseconds, then exits. */
static pid_t write_later(int fd, int ms, const char *text)
{
    pid_t pid = fork();
    if (pid == 0) {
        usleep(ms * 1000);
        _exit(write(fd, text, strlen(text)) == (ssize_t)strlen(text) ? 0 : 1);
    }
    return pid;
}

static void test_epoll_edges(void)
{
    int p[2], ep = epoll_create1(0);
    pipe2(p, O_NONBLOCK);
    uint64_t data = 0;
    check(watch(ep, p[0], EPOLLIN | EPOLLET, 7) == 0, "epoll_ctl adds an edge-triggered watch");
    write(p[1], "a", 1);
    check(wait_one(ep, 0, &data) == 1 && data == 7, "EPOLLET reports data that arrived");
    check(wait_one(ep, 0, NULL) == 0, "EPOLLET does not report it again while it stays unread");
    write(p[1], "b", 1);
    check(wait_one(ep, 0, NULL) == 1, "EPOLLET reports again when more data arrives");
    check(wait_one(ep, 0, NULL) == 0, "and once only");
    double start = now_s();
    pid_t pid = write_later(p[1], 100, "c");
    check(wait_one(ep, 5000, NULL) == 1 && now_s() - start < 2.5,
          "a wait wakes when more data arrives, though some is left unread");
    waitpid(pid, NULL, 0);

    char buf[64];
    while (read(p[0], buf, sizeof buf) > 0)
        continue;
    pid = write_later(p[1], 50, "cde");
    size_t got = 0;
    int waits = 0;
    while (got < 3 && waits++ < 10 && wait_one(ep, 5000, NULL) == 1) {
        ssize_t n;
        while ((n = read(p[0], buf, sizeof buf)) > 0) /* epoll(7): read until EAGAIN */
            got += (size_t)n;
        if (n < 0 && errno != EAGAIN)
            break;
    }
    waitpid(pid, NULL, 0);
    check(got == 3, "epoll(7)'s loop (wait, read until EAGAIN) gets what a child writes later");
    close(ep);

    ep = epoll_create1(0);
    check(watch(ep, p[1], EPOLLOUT | EPOLLET, 8) == 0 && wait_one(ep, 0, &data) == 1 && data == 8,
          "EPOLLET reports a pipe's write end writable once");
    check(wait_one(ep, 0, NULL) == 0, "and not again while nothing happens");
    while (write(p[1], buf, sizeof buf) > 0)
        continue;
    check(errno == EAGAIN && wait_one(ep, 0, NULL) == 0, "nor once the pipe is full");
    while (read(p[0], buf, sizeof buf) > 0)
        continue;
    check(wait_one(ep, 0, &data) == 1 && data == 8,
          "EPOLLET reports the write end again once the reader has drained the pipe");
    close(ep);
    close(p[0]);
    close(p[1]);
}

static void test_epoll_waited_on(void)
{
    int p[2], ep = epoll_create1(0);
    pipe(p);
    watch(ep, p[0], EPOLLIN, 1);
    write(p[1], "x", 1);
    struct pollfd pfd = {.fd = ep, .events = POLLIN};
    check(poll(&pfd, 1, 0) == 1 && pfd.revents == POLLIN,
          "poll on an epoll with a ready descriptor says POLLIN at once");
    char c;
    read(p[0], &c, 1);
    check(poll(&pfd, 1, 0) == 0, "and nothing once the descriptor is no longer ready");
    double start = now_s();
    pid_t pid = write_later(p[1], 100, "y");
    int ready = poll(&pfd, 1, 5000);
    check(ready == 1 && pfd.revents == POLLIN && now_s() - start < 2.5,
          "poll on an epoll wakes when a child makes its descriptor ready");
    waitpid(pid, NULL, 0);
    read(p[0], &c, 1);
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(ep, &readable);
    struct timeval tv = {5, 0};
    start = now_s();
    pid = write_later(p[1], 100, "z");
    check(select(ep + 1, &readable, NULL, NULL, &tv) == 1 && FD_ISSET(ep, &readable) &&
              now_s() - start < 2.5,
          "so does select");
    waitpid(pid, NULL, 0);
    read(p[0], &c, 1);

    int outer = epoll_create1(0);
    uint64_t data = 0;
    check(watch(outer, ep, EPOLLIN, 2) == 0, "an epoll may watch another epoll");
    check(watch(ep, outer, EPOLLIN, 3) == -1 && errno == ELOOP,
          "but not one that watches it (ELOOP)");
    check(watch(outer, outer, EPOLLIN, 3) == -1 && errno == EINVAL, "nor itself (EINVAL)");
    check(wait_one(outer, 0, NULL) == 0, "the outer epoll is not ready while the inner is not");
    write(p[1], "w", 1);
    check(wait_one(outer, 0, &data) == 1 && data == 2,
          "it reports the inner epoll once the inner's descriptor is ready");
    read(p[0], &c, 1);
    start = now_s();
    pid = write_later(p[1], 100, "v");
    check(wait_one(outer, 5000, &data) == 1 && data == 2 && now_s() - start < 2.5,
          "and wakes when a child makes the inner's descriptor ready");
    waitpid(pid, NULL, 0);
    close(outer);
    close(ep);
    close(p[0]);
    close(p[1]);
}

static int report_fds(const char *kept, const char *closed)
{
    return fcntl(atoi(kept), F_GETFD) != -1 && fcntl(atoi(closed), F_GETFD) == -1 ? 44 : 1;
}

/* Remove the program's directory, which the tests leave with a few files and links. */
static void clean_up(void)
{
    static const char *left[] = {"short",  "log",  "shared",   "plain", "loop-a",
                                 "loop-b", "self", "to-plain", "holes"};
    char path[PATH_MAX];
    for (size_t i = 0; i < sizeof left / sizeof *left; i++)
        unlink(in_dir(path, left[i]));
    check(rmdir(dir) == 0, "the test's directory is removed at the end");
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--print-env") == 0)
        return print_env();
    if (argc > 3 && strcmp(argv[1], "--fds") == 0)
        return report_fds(argv[2], argv[3]);
    strcpy(dir, "/tmp/conform-XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    test_short_reads();
    test_append_and_holes();
    test_path_errors();
    test_stdio_pipes();
    test_environment(argv[0]);
    test_getopt();
    test_setjmp();
    test_descriptors_and_directories(argv[0]);
    test_epoll_edges();
    test_epoll_waited_on();
    clean_up();
    return tap_done();
}
