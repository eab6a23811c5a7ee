/*: # Tests of the descriptor table

The table of fs/fd_table.h on its own, with files whose operations only count how often they are
released: the lowest free number, `dup2`'s replacement of what a number named, close-on-exec, and
the references that keep an open file alive exactly as long as some descriptor names it. */
#include <asm/errno.h>

#include "fs/fd_table.h"
#include "kernel/ktest.h"

static int released;

static void count_release(struct file *f)
{
    released++;
}

static const struct file_ops counted_ops = {.release = count_release};

/* A table with a new file at descriptor fd (the table holds the only reference). */
static void install_new(struct fd_table *t, int fd)
{
    struct file *f = file_create(&counted_ops, 0, NULL);
    KASSERT_TRUE(f != NULL);
    KEXPECT_EQ(fd_install(t, f, fd, false), fd);
    file_unref(f);
}

KTEST(fd_install_takes_the_lowest_free_number)
{
    struct fd_table *t = fd_table_create();
    KASSERT_TRUE(t != NULL);
    install_new(t, 0);
    install_new(t, 1);
    install_new(t, 2);
    KEXPECT_EQ(fd_close(t, 1), 0);
    struct file *f = file_create(&counted_ops, 0, NULL);
    KEXPECT_EQ(fd_install(t, f, 0, false), 1); /* the hole, not the end */
    KEXPECT_EQ(fd_install(t, f, 10, true), 10);
    KEXPECT_EQ(fd_get_cloexec(t, 10), 1);
    file_unref(f);
    KEXPECT_EQ(fd_close(t, 1), 0);
    KEXPECT_EQ(fd_close(t, 1), -EBADF);
    fd_table_destroy(t);
}

KTEST(fd_dup_to_makes_two_names_for_one_file)
{
    struct fd_table *t = fd_table_create();
    KASSERT_TRUE(t != NULL);
    int to = 3 + (int)(ktest_random() % 100);
    released = 0;
    install_new(t, 0);
    KEXPECT_EQ(fd_dup_to(t, 0, to, false), to);
    struct file *a = fd_get(t, 0), *b = fd_get(t, to);
    KEXPECT_TRUE(a != NULL && a == b);
    file_unref(a);
    file_unref(b);
    KEXPECT_EQ(fd_close(t, 0), 0);
    KEXPECT_EQ(released, 0); /* the other name keeps it open */
    KEXPECT_EQ(fd_close(t, to), 0);
    KEXPECT_EQ(released, 1);
    fd_table_destroy(t);
}

KTEST(fd_dup_to_closes_what_the_new_name_held)
{
    struct fd_table *t = fd_table_create();
    KASSERT_TRUE(t != NULL);
    released = 0;
    install_new(t, 0);
    install_new(t, 1);
    KEXPECT_EQ(fd_dup_to(t, 0, 1, false), 1);
    KEXPECT_EQ(released, 1); /* the file 1 named had no other name */
    struct file *a = fd_get(t, 0), *b = fd_get(t, 1);
    KEXPECT_TRUE(a == b);
    file_unref(a);
    file_unref(b);
    fd_table_destroy(t);
    KEXPECT_EQ(released, 2);
}

KTEST(fd_dup_to_refuses_what_is_not_open_or_out_of_range)
{
    struct fd_table *t = fd_table_create();
    KASSERT_TRUE(t != NULL);
    install_new(t, 0);
    install_new(t, 2);
    KEXPECT_EQ(fd_dup_to(t, 5, 2, false), -EBADF);
    KEXPECT_EQ(fd_dup_to(t, 0, FD_MAX, false), -EBADF);
    KEXPECT_EQ(fd_dup_to(t, 0, -1, false), -EBADF);
    KEXPECT_EQ(fd_dup_to(t, -1, 1, false), -EBADF);
    struct file *a = fd_get(t, 0), *c = fd_get(t, 2);
    KEXPECT_TRUE(a != c); /* 2 still names its own file */
    file_unref(a);
    file_unref(c);
    fd_table_destroy(t);
}

KTEST(fd_dup_to_sets_close_on_exec_as_asked)
{
    struct fd_table *t = fd_table_create();
    KASSERT_TRUE(t != NULL);
    install_new(t, 0);
    KEXPECT_EQ(fd_dup_to(t, 0, 4, true), 4);
    KEXPECT_EQ(fd_get_cloexec(t, 4), 1);
    KEXPECT_EQ(fd_get_cloexec(t, 0), 0); /* the flag is the name's, not the file's */
    KEXPECT_EQ(fd_dup_to(t, 0, 4, false), 4);
    KEXPECT_EQ(fd_get_cloexec(t, 4), 0);
    fd_close_on_exec(t);
    KEXPECT_EQ(fd_get_cloexec(t, 4), 0);
    KEXPECT_EQ(fd_dup_to(t, 0, 5, true), 5);
    fd_close_on_exec(t);
    KEXPECT_EQ(fd_get_cloexec(t, 5), -EBADF);
    fd_table_destroy(t);
}
