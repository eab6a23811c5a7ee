/*: # reboot: powering off

`reboot(magic, magic2, cmd, arg)` halts, powers off or restarts the machine. The two magic numbers
guard against a stray call (`0xfee1dead`, then one of four numbers that are Linus Torvalds' and his
daughters' birthdays written in hex); `cmd` says what to do. Zinc has no power to cut and no reset
to pull, so halting, powering off and restarting all end the same way: every process is killed,
and the kernel stops, with QEMU or the LibOS process (QEMU runs with `-no-reboot`, which turns a
restart into an exit anyway). `CAD_ON` and `CAD_OFF` (what Ctrl-Alt-Del does) are accepted, with no
such key to press; hibernation and `kexec` are not built in, so they are `-EINVAL`, as on a Linux
built without them. Every process runs as root, which is what Linux asks of the caller.

A call that succeeds does not return to its program: the kill reaches its own thread too, on its way
back to user code. */
#include <linux/reboot.h>

#include "linux/power_off.h"
#include "kernel/printk.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"
#include "task/task.h"

static bool asked; /* atomic */

bool linux_reboot_asked(void)
{
    return __atomic_load_n(&asked, __ATOMIC_ACQUIRE);
}

static bool magic_ok(uint32_t magic, uint32_t magic2)
{
    return magic == LINUX_REBOOT_MAGIC1 &&
           (magic2 == LINUX_REBOOT_MAGIC2 || magic2 == LINUX_REBOOT_MAGIC2A ||
            magic2 == LINUX_REBOOT_MAGIC2B || magic2 == LINUX_REBOOT_MAGIC2C);
}

static int64_t stop_machine(const char *message)
{
    kprintf("linux: %s\n", message);
    __atomic_store_n(&asked, true, __ATOMIC_RELEASE);
    job_kill(job_root());
    return 0;
}

static int64_t linux_reboot(const uint64_t *arg)
{
    if (!magic_ok((uint32_t)arg[0], (uint32_t)arg[1]))
        return -EINVAL;
    switch ((uint32_t)arg[2]) {
    case LINUX_REBOOT_CMD_CAD_ON:
    case LINUX_REBOOT_CMD_CAD_OFF:
        return 0;
    case LINUX_REBOOT_CMD_POWER_OFF:
        return stop_machine("power down");
    case LINUX_REBOOT_CMD_HALT:
        return stop_machine("system halted");
    case LINUX_REBOOT_CMD_RESTART:
        return stop_machine("restarting: the machine stops instead");
    case LINUX_REBOOT_CMD_RESTART2: {
        char command[256]; /* for the firmware, which has none: read, as Linux reads it, and cut */
        if (copy_string_from_user(command, sizeof command, arg[3]) == -EFAULT)
            return -EFAULT;
        return stop_machine("restarting: the machine stops instead");
    }
    default:
        return -EINVAL;
    }
}
LINUX_SYSCALL(reboot, linux_reboot);
