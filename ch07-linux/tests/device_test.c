/*: # Tests of the devices

The device table (fs/device.h) and each device's operations, opened as the file system opens them:
what a read and a write of each gives, and `/dev/tty`'s refusal. */
#include <asm/errno.h>
#include <asm/fcntl.h>
#include <string.h>

#include "fs/device.h"
#include "kernel/ktest.h"

/* Open the device called name for reading and writing; NULL if that failed. */
static struct file *open_device(const char *name)
{
    struct file *f = NULL;
    const struct device *d = device_find(name);
    if (d && device_open(d, O_RDWR, &f) != 0)
        f = NULL;
    return f;
}

static int64_t read_from(struct file *f, char *buf, size_t len)
{
    uint64_t pos = 0;
    return f->ops->read(f, buf, len, &pos);
}

static int64_t write_to(struct file *f, size_t len)
{
    uint64_t pos = 0;
    return f->ops->write(f, "0123456789abcdef", len, &pos);
}

KTEST(device_numbers_are_linux_ones)
{
    static const struct {
        const char *name;
        uint32_t major, minor;
    } expected[] = {{"null", 1, 3},    {"zero", 1, 5}, {"full", 1, 7},   {"random", 1, 8},
                    {"urandom", 1, 9}, {"tty", 5, 0},  {"console", 5, 1}};
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        const struct device *d = device_find(expected[i].name);
        KASSERT_TRUE(d);
        KEXPECT_EQ(d->major, expected[i].major);
        KEXPECT_EQ(d->minor, expected[i].minor);
    }
    KEXPECT_TRUE(!device_find("nonesuch"));
}

KTEST(device_null_zero_full)
{
    char buf[16];
    struct file *null = open_device("null"), *zero = open_device("zero");
    struct file *full = open_device("full");
    KASSERT_TRUE(null && zero && full);
    KEXPECT_EQ(read_from(null, buf, sizeof buf), 0);
    KEXPECT_EQ(write_to(null, 16), 16);
    memset(buf, 'x', sizeof buf);
    KEXPECT_EQ(read_from(zero, buf, sizeof buf), 16);
    KEXPECT_EQ(buf[0] | buf[15], 0);
    KEXPECT_EQ(write_to(zero, 5), 5);
    memset(buf, 'x', sizeof buf);
    KEXPECT_EQ(read_from(full, buf, 3), 3);
    KEXPECT_EQ(buf[0] | buf[2], 0);
    KEXPECT_EQ(buf[3], 'x');
    KEXPECT_EQ(write_to(full, 1), -ENOSPC);
    file_unref(null);
    file_unref(zero);
    file_unref(full);
}

KTEST(device_urandom_gives_different_bytes)
{
    uint64_t a = 0, b = 0;
    struct file *f = open_device("urandom");
    KASSERT_TRUE(f);
    KEXPECT_EQ(read_from(f, (char *)&a, sizeof a), 8);
    KEXPECT_EQ(read_from(f, (char *)&b, sizeof b), 8);
    KEXPECT_NE(a, b);
    file_unref(f);
}

KTEST(device_tty_refuses_without_a_controlling_terminal)
{
    struct file *f = NULL;
    KEXPECT_EQ(device_open(device_find("tty"), O_RDWR, &f), -ENXIO);
    KEXPECT_TRUE(!f);
}

KTEST(device_console_is_writable)
{
    struct file *f = open_device("console");
    KASSERT_TRUE(f);
    KEXPECT_EQ(f->ops->poll(f) & (POLLOUT | POLLWRNORM), POLLOUT | POLLWRNORM);
    file_unref(f);
}
