/*: # Who a process is, and on what

The calls that only answer questions: the process's and its parent's ids, the user it runs as, the
machine (`uname`), its resource limits, its name (`prctl`), and the machine's state (`sysinfo`).

Zinc has one user: every process runs as root (uid and gid 0), and the calls that change identity
succeed only in keeping it. Limits are answered with Linux's usual values, and the two that Zinc
enforces say so: the number of descriptors (fs/fd_table.h) and of processes
(linux/process.h). Setting a limit is accepted within what Zinc can honour. */
#include <asm/resource.h>
#include <linux/prctl.h>
#include <linux/sysinfo.h>
#include <linux/utsname.h>
#include <string.h>

#include "kernel/frame.h"
#include "linux/initial_stack.h"
#include "linux/process.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

static int64_t linux_getpid(const uint64_t *arg)
{
    return linux_current()->pid;
}
LINUX_SYSCALL(getpid, linux_getpid);

static int64_t linux_gettid(const uint64_t *arg)
{
    return linux_thread_current()->tid;
}
LINUX_SYSCALL(gettid, linux_gettid);

/* The parent's pid, kept beside the parent (process.h): following the pointer would need the tree
   lock, as the parent may be exiting, and getppid is the call a benchmark makes to time the way in
   and out of the kernel. */
static int64_t linux_getppid(const uint64_t *arg)
{
    return __atomic_load_n(&linux_current()->ppid, __ATOMIC_RELAXED);
}
LINUX_SYSCALL(getppid, linux_getppid);

/* getuid, geteuid, getgid, getegid: root. */
static int64_t root_id(const uint64_t *arg)
{
    return 0;
}
LINUX_SYSCALL(getuid, root_id);
LINUX_SYSCALL(geteuid, root_id);
LINUX_SYSCALL(getgid, root_id);
LINUX_SYSCALL(getegid, root_id);

/* setuid, setgid and friends: becoming root again is all there is to become. */
static int64_t stay_root(const uint64_t *arg)
{
    return arg[0] == 0 ? 0 : -EPERM;
}
LINUX_SYSCALL(setuid, stay_root);
LINUX_SYSCALL(setgid, stay_root);

static int64_t linux_uname(const uint64_t *arg)
{
    struct new_utsname u;
    memset(&u, 0, sizeof u);
    memcpy(u.sysname, "Linux",
           sizeof "Linux"); /* what programs test for; Zinc says who it is in version */
    memcpy(u.nodename, "zinc", sizeof "zinc");
    memcpy(u.release, "6.1.0-zinc", sizeof "6.1.0-zinc");
    memcpy(u.version, "Zinc " ZINC_CHAPTER, sizeof "Zinc " ZINC_CHAPTER);
    memcpy(u.machine, ZINC_USER_ARCH, sizeof ZINC_USER_ARCH);
    memcpy(u.domainname, "(none)", sizeof "(none)");
    return copy_to_user(arg[0], &u, sizeof u);
}
LINUX_SYSCALL(uname, linux_uname);

/* A limit as prlimit64 reads and writes it (Linux's struct rlimit64, whose header cannot be
   included beside the host C library's in the LibOS build). */
struct rlimit {
    uint64_t rlim_cur, rlim_max;
};

/* The limit of resource r now: soft and hard the same. */
static struct rlimit limit_of(unsigned r)
{
    switch (r) {
    case RLIMIT_NOFILE:
        return (struct rlimit){FD_MAX, FD_MAX};
    case RLIMIT_NPROC:
        return (struct rlimit){LINUX_PROCESS_MAX, LINUX_PROCESS_MAX};
    case RLIMIT_STACK:
        return (struct rlimit){LINUX_STACK_SIZE, LINUX_STACK_SIZE};
    default:
        return (struct rlimit){RLIM_INFINITY, RLIM_INFINITY};
    }
}

/* prlimit64(pid, resource, new, old): of the caller (pid 0 or its own) only. */
static int64_t linux_prlimit64(const uint64_t *arg)
{
    if (arg[0] && (int)arg[0] != linux_current()->pid)
        return -ESRCH;
    if (arg[1] >= RLIM_NLIMITS)
        return -EINVAL;
    struct rlimit now = limit_of(arg[1]), wanted;
    if (arg[3] && copy_to_user(arg[3], &now, sizeof now))
        return -EFAULT;
    if (!arg[2])
        return 0;
    if (copy_from_user(&wanted, arg[2], sizeof wanted))
        return -EFAULT;
    if (wanted.rlim_cur > wanted.rlim_max)
        return -EINVAL;
    return wanted.rlim_max > now.rlim_max ? -EPERM : 0;
}
LINUX_SYSCALL(prlimit64, linux_prlimit64);

#ifdef __NR_getrlimit
static int64_t linux_getrlimit(const uint64_t *arg)
{
    if (arg[0] >= RLIM_NLIMITS)
        return -EINVAL;
    struct rlimit now = limit_of(arg[0]);
    return copy_to_user(arg[1], &now, sizeof now);
}
LINUX_SYSCALL(getrlimit, linux_getrlimit);
#endif

/* prctl: a process's name (PR_SET_NAME, PR_GET_NAME: 16 bytes, as ps shows it); every other option
   is refused as Linux refuses an unknown one. */
static int64_t linux_prctl(const uint64_t *arg)
{
    struct process *p = thread_current()->process;
    char name[ZX_MAX_NAME_LEN] = {0};
    switch (arg[0]) {
    case PR_SET_NAME: {
        int64_t len = copy_string_from_user(name, 16, arg[1]);
        if (len == -EFAULT)
            return -EFAULT;
        kobject_set_name(&p->base, name, len < 0 ? 15 : (size_t)len);
        return 0;
    }
    case PR_GET_NAME:
        kobject_get_name(&p->base, name);
        name[15] = '\0';
        return copy_to_user(arg[1], name, 16);
    default:
        return -EINVAL;
    }
}
LINUX_SYSCALL(prctl, linux_prctl);

/* sysinfo: what `free` and `uptime` print: the uptime, the memory in frames, the processes. Zinc
   keeps no load averages and has no swap: those are 0. */
static int64_t linux_sysinfo(const uint64_t *arg)
{
    struct sysinfo info;
    int processes = linux_process_count(NULL);
    memset(&info, 0, sizeof info);
    info.uptime = (long)(hal_timer_now() / 1000000000ull);
    info.totalram = frame_total_count();
    info.freeram = frame_free_count();
    info.procs = (uint16_t)processes;
    info.mem_unit = PAGE_SIZE;
    return copy_to_user(arg[0], &info, sizeof info);
}
LINUX_SYSCALL(sysinfo, linux_sysinfo);
