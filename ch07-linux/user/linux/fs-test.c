/*: # The file system, as a Linux program sees it

A test program of the file system calls, printing TAP. Its expectations are Linux's: it was run on
Linux first (built with the same musl compiler), and passes there, so that what Zinc must do is
what Linux does. It works in a fresh directory under /tmp: files and their bytes (holes, appending,
truncating), directories and their entries, names (links, symlinks, renames), paths (`..`,
trailing slashes, symlink loops), and the errors of bad pointers and descriptors. Calls that take a
bad pointer are made with `syscall`, so that the C library does not touch the pointer itself. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "tap.h"

#define BAD_POINTER ((void *)16)

/* Did the call fail with err? (A raw system call answers -errno; a libc one sets errno.) */
static int fails(long result, int err)
{
    return (result == -1 && errno == err) || result == -err;
}

static void put(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, text, strlen(text));
    close(fd);
}

static off_t size_of(const char *path)
{
    struct stat st;
    return stat(path, &st) ? -1 : st.st_size;
}

static void files(void)
{
    char buf[64];
    check(fails(open("missing", O_RDONLY), ENOENT), "open of a missing file is ENOENT");
    int fd = open("f", O_RDWR | O_CREAT, 0644);
    check(fd >= 0, "open O_CREAT makes a file");
    check(write(fd, "hello", 5) == 5, "write 5 bytes");
    check(fails(open("f", O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST), "O_EXCL on a file is EEXIST");
    check(lseek(fd, 0, SEEK_END) == 5, "lseek SEEK_END is the size");
    check(lseek(fd, 100, SEEK_SET) == 100 && write(fd, "x", 1) == 1 && size_of("f") == 101,
          "a write past the end extends the file");
    memset(buf, 1, sizeof buf);
    int zeros = pread(fd, buf, 10, 50) == 10;
    for (int i = 0; i < 10; i++)
        zeros = zeros && buf[i] == 0;
    check(zeros, "the hole reads as zeros");
    check(fails(lseek(fd, -1, SEEK_SET), EINVAL), "lseek before the start is EINVAL");
    int app = open("f", O_WRONLY | O_APPEND);
    check(app >= 0 && lseek(app, 0, SEEK_SET) == 0 && write(app, "yz", 2) == 2 &&
              size_of("f") == 103,
          "O_APPEND writes at the end");
    check(pread(fd, buf, 2, 101) == 2 && !memcmp(buf, "yz", 2), "the appended bytes read back");
    check(lseek(app, 0, SEEK_CUR) == 103, "O_APPEND leaves the position at the end");
    close(app);
    check(syscall(SYS_read, fd + 100, buf, 1) == -1 && errno == EBADF, "read of a bad fd is EBADF");
    check(fails(write(999, "x", 1), EBADF), "write of a bad fd is EBADF");
    lseek(fd, 0, SEEK_SET);
    check(fails(syscall(SYS_read, fd, BAD_POINTER, 10), EFAULT), "read into a bad pointer: EFAULT");
    check(fails(syscall(SYS_openat, AT_FDCWD, BAD_POINTER, O_RDONLY), EFAULT),
          "open of a bad path pointer: EFAULT");
    check(fails(syscall(SYS_newfstatat, AT_FDCWD, "f", BAD_POINTER, 0), EFAULT),
          "stat into a bad pointer: EFAULT");
    check(ftruncate(fd, 200) == 0 && size_of("f") == 200 && pread(fd, buf, 4, 196) == 4 &&
              !buf[0] && !buf[3],
          "ftruncate extends with zeros");
    close(fd);
    fd = open("f", O_RDWR | O_TRUNC);
    check(fd >= 0 && size_of("f") == 0, "O_TRUNC empties the file");
    close(fd);
    check(fails(ftruncate(1000, 0), EBADF), "ftruncate of a bad fd is EBADF");
}

static void directories(void)
{
    put("f", "F");
    check(mkdir("d", 0755) == 0, "mkdir");
    check(fails(mkdir("d", 0755), EEXIST), "mkdir of an existing name is EEXIST");
    check(fails(open("d", O_WRONLY), EISDIR), "a directory opened for writing is EISDIR");
    check(fails(open("f/x", O_RDONLY), ENOTDIR), "a file in the middle of a path is ENOTDIR");
    check(fails(open("f", O_RDONLY | O_DIRECTORY), ENOTDIR), "O_DIRECTORY on a file: ENOTDIR");
    struct stat st;
    check(fails(stat("f/", &st), ENOTDIR), "a trailing slash after a file is ENOTDIR");
    check(stat("d/", &st) == 0 && S_ISDIR(st.st_mode), "a trailing slash after a directory");
    put("d/inside", "x");
    check(fails(rmdir("d"), ENOTEMPTY), "rmdir of a non-empty directory is ENOTEMPTY");
    check(fails(unlink("d"), EISDIR), "unlink of a directory is EISDIR");
    check(fails(rmdir("f"), ENOTDIR), "rmdir of a file is ENOTDIR");
    check(fails(chdir("f"), ENOTDIR), "chdir to a file is ENOTDIR");
    struct stat root, up;
    check(stat("/", &root) == 0 && stat("/..", &up) == 0 && root.st_ino == up.st_ino,
          "the root's .. is the root");
    check(stat("d/../f", &st) == 0 && S_ISREG(st.st_mode) && stat("d//.//inside", &st) == 0,
          ".. and . and repeated slashes");
    mkdir("d/e", 0755);
    char cwd[256], here[256];
    getcwd(here, sizeof here);
    chdir("d/e");
    chdir("..");
    check(getcwd(cwd, sizeof cwd) && !strncmp(cwd, here, strlen(here)) &&
              !strcmp(cwd + strlen(here), "/d"),
          "getcwd after chdir ..");
    check(fails(syscall(SYS_getcwd, cwd, 2), ERANGE), "getcwd into a small buffer is ERANGE");
    chdir(here);
    check(unlinkat(AT_FDCWD, "d/e", AT_REMOVEDIR) == 0 && fails(stat("d/e", &st), ENOENT),
          "unlinkat AT_REMOVEDIR");
    int dfd = open("d", O_RDONLY | O_DIRECTORY);
    int ffd = openat(dfd, "inside", O_RDONLY);
    check(ffd >= 0, "openat relative to a directory fd");
    check(fails(openat(ffd, "x", O_RDONLY), ENOTDIR), "openat relative to a file is ENOTDIR");
    check(fails(openat(900, "x", O_RDONLY), EBADF), "openat relative to a bad fd is EBADF");
    close(ffd);
    close(dfd);
}

static void many_entries(void)
{
    mkdir("many", 0755);
    char name[64];
    for (int i = 0; i < 100; i++) {
        snprintf(name, sizeof name, "many/entry-with-a-long-name-%03d", i);
        put(name, "");
    }
    int fd = open("many", O_RDONLY | O_DIRECTORY), count = 0, calls = 0;
    char buf[512];
    long n;
    while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
        calls++;
        for (long at = 0; at < n; at += *(unsigned short *)(buf + at + 16))
            count++;
    }
    check(n == 0 && count == 102 && calls > 1, "getdents64 of 100 entries, in several calls");
    lseek(fd, 0, SEEK_SET);
    check(syscall(SYS_getdents64, fd, buf, 8) == -1 && errno == EINVAL,
          "getdents64 with no room for a record is EINVAL");
    check(fails(syscall(SYS_getdents64, fd, BAD_POINTER, sizeof buf), EFAULT),
          "getdents64 into a bad pointer is EFAULT");
    close(fd);
    int ffd = open("many/entry-with-a-long-name-000", O_RDONLY);
    check(fails(syscall(SYS_getdents64, ffd, buf, sizeof buf), ENOTDIR), "getdents64 of a file");
    close(ffd);
}

static void names(void)
{
    char buf[64];
    struct stat st;
    put("f", "F");
    check(symlink("loop1", "loop2") == 0 && symlink("loop2", "loop1") == 0, "symlink");
    check(fails(open("loop1", O_RDONLY), ELOOP), "a symlink loop is ELOOP");
    check(symlink("f", "s") == 0 && fails(open("s", O_RDONLY | O_NOFOLLOW), ELOOP),
          "O_NOFOLLOW on a symlink is ELOOP");
    check(readlink("s", buf, sizeof buf) == 1 && buf[0] == 'f', "readlink");
    check(fails(readlink("f", buf, sizeof buf), EINVAL), "readlink of a file is EINVAL");
    check(lstat("s", &st) == 0 && S_ISLNK(st.st_mode), "lstat sees the symlink");
    check(stat("s", &st) == 0 && S_ISREG(st.st_mode), "stat follows it");
    int made = symlink("made", "dangling") == 0 ? open("dangling", O_WRONLY | O_CREAT, 0644) : -1;
    check(made >= 0 && stat("made", &st) == 0,
          "O_CREAT through a dangling symlink makes its target");
    check(link("f", "f2") == 0 && stat("f", &st) == 0 && st.st_nlink == 2, "link: two names");
    check(unlink("f2") == 0 && stat("f", &st) == 0 && st.st_nlink == 1, "unlink: one name");
    check(fails(link("d", "d2"), EPERM), "link of a directory is EPERM");
    put("g", "G");
    check(rename("g", "f") == 0 && fails(stat("g", &st), ENOENT), "rename over an existing file");
    int fd = open("f", O_RDONLY);
    check(read(fd, buf, 2) == 1 && buf[0] == 'G', "the renamed file's bytes");
    check(unlink("f") == 0 && lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 2) == 1,
          "an unlinked file stays readable while open");
    close(fd);
    close(made);
    mkdir("r", 0755);
    check(fails(rename("r", "r/sub"), EINVAL), "rename of a directory into itself is EINVAL");
    mkdir("r2", 0755);
    put("r2/x", "");
    check(fails(rename("r", "r2"), ENOTEMPTY), "rename over a non-empty directory is ENOTEMPTY");
    check(rename("r2/x", "moved") == 0 && rename("r", "r2") == 0 && stat("r", &st) != 0,
          "rename of a directory over an empty one");
    put("a", "A");
    check(fails(syscall(SYS_renameat2, AT_FDCWD, "a", AT_FDCWD, "moved", 1), EEXIST),
          "renameat2 RENAME_NOREPLACE is EEXIST");
    check(access("a", R_OK | W_OK) == 0 && fails(access("a", X_OK), EACCES),
          "access: no execute bit is EACCES");
    umask(077);
    close(open("private", O_WRONLY | O_CREAT, 0666));
    check(stat("private", &st) == 0 && (st.st_mode & 0777) == 0600, "umask masks a new file");
    check(chmod("private", 0640) == 0 && stat("private", &st) == 0 && (st.st_mode & 0777) == 0640,
          "chmod");
}

static void devices(void)
{
    struct stat st;
    check(stat("/dev/console", &st) == 0 && S_ISCHR(st.st_mode) && major(st.st_rdev) == 5 &&
              minor(st.st_rdev) == 1,
          "/dev/console is character device 5:1");
}

/* The calls that write a file system's memory out: with nothing to write, their errors. */
static void synchronizing(void)
{
    int fd = open("synced", O_RDWR | O_CREAT, 0644), p[2];
    int path = open("synced", O_PATH), dir = open(".", O_RDONLY | O_DIRECTORY);
    check(fd >= 0 && path >= 0 && dir >= 0 && pipe(p) == 0, "files to synchronize");
    sync();
    check(fsync(fd) == 0 && fdatasync(fd) == 0, "fsync and fdatasync of a file");
    check(fsync(dir) == 0, "fsync of a directory");
    errno = 0;
    check(fsync(p[0]) == -1 && errno == EINVAL, "fsync of a pipe: EINVAL");
    errno = 0;
    check(fdatasync(path) == -1 && errno == EBADF, "fdatasync of an O_PATH descriptor: EBADF");
    errno = 0;
    check(fsync(-1) == -1 && errno == EBADF, "fsync of no descriptor: EBADF");
    check(syncfs(fd) == 0 && syncfs(p[1]) == 0, "syncfs of a file's and a pipe's file system");
    close(fd);
    close(path);
    close(dir);
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    char dir[] = "/tmp/fs-test-XXXXXX";
    if (!mkdtemp(dir) || chdir(dir)) {
        printf("not ok 1 - cannot make a directory in /tmp\n0 passed, 1 failed\n");
        return 1;
    }
    files();
    directories();
    many_entries();
    names();
    devices();
    synchronizing();
    return tap_done();
}
