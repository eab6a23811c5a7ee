/*: # /proc's own files

The files of `/proc` that speak of the whole system, and `self`:

- `self`: a symbolic link to the pid of the process that follows it, so `/proc/self/exe` is the
  caller's own program;
- `meminfo`: memory in kB, from the frame allocator (kernel/frame.h): `MemTotal` is every frame it
  was given, `MemFree` and `MemAvailable` those it still has. The kernel's own heap and page tables
  are in neither; Zinc has no swap, no buffer cache and no page cache other than the files of the
  RAM file system, which are counted as used: the other lines `free` and `top` look for are 0;
- `uptime`: the seconds since the boot, and the seconds of idle time over all CPUs;
- `loadavg`: the load averages, then running/total processes and the newest pid. Zinc keeps no
  average of its run queue yet: the averages are 0.00;
- `stat`: the CPU time since the boot in ticks (`cpu` and `cpu0`: user, nice, system, idle, ...),
  the boot's time of day (`btime`), and process counts. With no account of CPU time kept, every
  tick is counted idle, which `top` shows as a machine at rest; `processes` (Linux's forks since
  the boot) is the number of processes now, a lower bound;
- `mounts`: the file systems mounted, in fstab's format: the RAM file system at `/` (as Linux calls
  its initramfs, `rootfs`), and `/proc`;
- `zinc-census`, which Linux does not have: what the kernel holds, frames, heap blocks, handles and
  objects, so that a test can prove that nothing leaks (fs/procfs_census.c). */
#include <asm/errno.h>

#include "fs/procfs.h"
#include "kernel/frame.h"
#include "linux/clock.h"
#include "linux/process.h"

#define NS 1000000000ull

static int fill_self(struct procfs_text *t, const struct procfs_process *none)
{
    struct process *p = procfs_caller();
    if (!p || p->personality != &linux_personality)
        return -ENOENT; /* a kernel thread or a Zircon process: no pid */
    procfs_printf(t, "%d", ((struct linux_process *)p->personality_state)->pid);
    return 0;
}

static int fill_meminfo(struct procfs_text *t, const struct procfs_process *none)
{
    unsigned long long kb = PAGE_SIZE / 1024, total = frame_total_count() * kb,
                       free = frame_free_count() * kb;
    procfs_printf(t, "MemTotal:       %8llu kB\nMemFree:        %8llu kB\n", total, free);
    procfs_printf(t, "MemAvailable:   %8llu kB\n", free);
    procfs_printf(t, "Buffers:               0 kB\nCached:                0 kB\n");
    procfs_printf(t, "SwapCached:            0 kB\nSwapTotal:             0 kB\n");
    procfs_printf(t, "SwapFree:              0 kB\nShmem:                 0 kB\n");
    procfs_printf(t, "SReclaimable:          0 kB\n");
    return 0;
}

static int fill_uptime(struct procfs_text *t, const struct procfs_process *none)
{
    unsigned long long centis = hal_timer_now() / (NS / 100);
    procfs_printf(t, "%llu.%02llu %llu.%02llu\n", centis / 100, centis % 100, centis / 100,
                  centis % 100);
    return 0;
}

static int fill_loadavg(struct procfs_text *t, const struct procfs_process *none)
{
    int newest, count = linux_process_count(&newest);
    procfs_printf(t, "0.00 0.00 0.00 1/%d %d\n", count, newest);
    return 0;
}

static int fill_stat(struct procfs_text *t, const struct procfs_process *none)
{
    uint64_t now = hal_timer_now();
    unsigned long long idle = procfs_ticks(now);
    procfs_printf(t, "cpu  0 0 0 %llu 0 0 0 0 0 0\ncpu0 0 0 0 %llu 0 0 0 0 0 0\n", idle, idle);
    procfs_printf(t, "intr 0\nctxt 0\nbtime %llu\n",
                  (unsigned long long)((linux_clock_realtime() - now) / NS));
    procfs_printf(t, "processes %d\nprocs_running 1\nprocs_blocked 0\n", linux_process_count(NULL));
    return 0;
}

static int fill_mounts(struct procfs_text *t, const struct procfs_process *none)
{
    procfs_printf(t, "rootfs / rootfs rw 0 0\nproc /proc proc rw,nosuid,nodev,noexec 0 0\n");
    return 0;
}

const struct procfs_entry procfs_system_files[] = {
    {"loadavg", VNODE_REGULAR, fill_loadavg},
    {"meminfo", VNODE_REGULAR, fill_meminfo},
    {"mounts", VNODE_REGULAR, fill_mounts},
    {"self", VNODE_SYMLINK, fill_self},
    {"stat", VNODE_REGULAR, fill_stat},
    {"uptime", VNODE_REGULAR, fill_uptime},
    {"zinc-census", VNODE_REGULAR, procfs_fill_census},
};
const size_t procfs_system_file_count = sizeof procfs_system_files / sizeof *procfs_system_files;
