/*: # /proc/PID/maps: a process's mappings, as Linux lists them

One line a mapping, in address order, in the format of Linux's proc(5):

```
00400000-00401000 r-xp 00000000 00:00 0          /bin/proc-test
7ffff7ff8000-7ffff8000000 rw-p 00000000 00:00 0  [stack]
```

the range, the permissions (`p` for private memory, `s` for shared: linux/memory.h says which),
the offset into what is mapped, a device and inode (always `00:00 0` here), and a name. The lines
come from the mappings of the process's VMAR, listed by linux/regions.h, the way `fork` sees them;
what they are called comes from the name each VMO was given when it was made (and which `fork`
gives each copy): the program's image is named for its file (linux/exec.c), which the line spells
out as the file's whole path; the heap is `[heap]`, the stack `[stack]`; the page that returns
from a signal handler (linux/signals.c) is `[sigreturn]`, where Linux would show its `[vdso]`,
which holds the same code. Anonymous memory has no name. A mapped file has none either, unlike
on Linux: a VMO does not know the file it holds, and the name of a file is not kept once it is
open and mapped.

C libraries read this file to find the stack of the main thread (glibc's `pthread_getattr_np`),
and debuggers and sanitizers to know what is mapped where. */
#include <asm/errno.h>
#include <string.h>

#include "fs/procfs.h"
#include "linux/memory.h"
#include "linux/regions.h"

/* The name a line gives a mapping of a VMO called vmo_name, or NULL for none. */
static const char *line_name(const char *vmo_name, const struct procfs_process *pp)
{
    const char *slash = strrchr(pp->exe, '/');
    const char *program = slash ? slash + 1 : pp->exe;
    if (!strcmp(vmo_name, LINUX_VMO_HEAP))
        return "[heap]";
    if (!strcmp(vmo_name, LINUX_VMO_STACK))
        return "[stack]";
    if (!strcmp(vmo_name, LINUX_VMO_SIGRETURN))
        return "[sigreturn]";
    /* The image's VMO holds the program's name, cut to what a name may hold. */
    if (program[0] && !strncmp(vmo_name, program, ZX_MAX_NAME_LEN - 1))
        return pp->exe;
    return NULL;
}

static void write_line(struct procfs_text *t, const struct region *r,
                       const struct procfs_process *pp)
{
    char vmo_name[ZX_MAX_NAME_LEN];
    kobject_get_name(&r->vmo->base, vmo_name);
    const char *name = line_name(vmo_name, pp);
    char head[96];
    int len = ksnprintf(
        head, sizeof head, "%08llx-%08llx %c%c%c%c %08llx 00:00 0 ", (unsigned long long)r->base,
        (unsigned long long)(r->base + r->size), r->perms & ZX_VM_PERM_READ ? 'r' : '-',
        r->perms & ZX_VM_PERM_WRITE ? 'w' : '-', r->perms & ZX_VM_PERM_EXECUTE ? 'x' : '-',
        linux_memory_is_shared(r->vmo) ? 's' : 'p', (unsigned long long)r->offset);
    procfs_write(t, head, (size_t)len);
    /* Linux pads a named line's name out to the 74th column (of 64-bit addresses). */
    for (int column = len; name && column < 73; column++)
        procfs_write(t, " ", 1);
    procfs_printf(t, "%s\n", name ? name : "");
}

int procfs_fill_maps(struct procfs_text *t, const struct procfs_process *pp)
{
    if (pp->state == 'Z')
        return 0; /* a zombie's memory is gone */
    struct vmar *root = pp->process->space;
    struct region *regions;
    if (regions_of(root, root->start, root->start + root->size, &regions))
        return 0; /* no memory to list it with: the file is empty, as for a process with none */
    for (struct region *r = regions; r; r = r->next)
        write_line(t, r, pp);
    regions_free(regions);
    return 0;
}
