/*: # /proc/zinc-census: what the kernel holds

Linux has no such file, and needs none of its kind: its own counters (`/proc/meminfo`,
`/proc/slabinfo`) speak of memory, not of objects a test could count back to zero. Zinc has one to
prove that nothing leaks: a test reads it, runs a thousand shell sessions, reads it again and must
find the same numbers (final/user/linux/soak.c). One line a counter, a name and a number:

```
frames 2122
heap-blocks 5815
handles 0
objects 443
objects.process 1
objects.thread 1
objects.vmo 435
...
```

`frames` are the frames in use (kernel/frame.h): pages of programs and files, page tables, kernel
stacks, but not the kernel heap's. `heap-blocks` counts the heap by its blocks in use
(kernel/kmalloc.h), which a leaked Linux file or directory entry would raise while no object count
moves. The frames under those blocks (bare metal's slabs) are left out, because their number counts
nothing that is kept: a slab stays while one block of it is used, so it depends on where each block
landed, and two CPUs that free blocks in another order leave the same blocks in one slab more or
less. `handles` are the handles in every process's table and every message in flight, and
`objects` the live Zircon objects, then by type, for each type of which one was ever made
(object/kobject.h's census).

Each number is exact when read; the file as a whole is exact when nothing else runs, as when a test
reads it between two sessions. Reading it makes a file, whose VMO and page count too, the same at
every reading. */
#include "fs/procfs.h"
#include "kernel/frame.h"
#include "kernel/kmalloc.h"
#include "object/kobject.h"

int procfs_fill_census(struct procfs_text *t, const struct procfs_process *none)
{
    uint32_t counts[KOBJECT_TYPE_LIMIT], objects = 0;
    const char *names[KOBJECT_TYPE_LIMIT];
    for (zx_obj_type_t type = 0; type < KOBJECT_TYPE_LIMIT; type++)
        objects += counts[type] = kobject_census_objects(type, &names[type]);
    procfs_printf(t, "frames %zu\nheap-blocks %zu\nhandles %u\nobjects %u\n",
                  frame_total_count() - frame_free_count() - kmalloc_frames_in_use(),
                  kmalloc_blocks_in_use(), kobject_census_handles(), objects);
    for (zx_obj_type_t type = 0; type < KOBJECT_TYPE_LIMIT; type++)
        if (names[type])
            procfs_printf(t, "objects.%s %u\n", names[type], counts[type]);
    return 0;
}
