/*: # What the memory calls share

`mmap` (linux/memory.c), the mapping of files (linux/mmap_file.c), `mremap` (linux/mremap.c) and
`fork` (linux/fork.c) agree on three things: which addresses are user memory, how Linux protections
become VMAR permissions, and which memory a process shares rather than owns.

**Shared memory is a file's memory.** A Linux program shares memory by mapping with `MAP_SHARED`:
a file (its mapping shows the file's own VMO, so that every mapping and `read` see the same
bytes), or anonymous memory, which Linux makes a file with no name and which Zinc makes the same
kind of VMO as a file's, one that can change size. Every other VMO a Linux process maps is private
and of a fixed size: anonymous and heap memory, the program's image, the stack, the signal
trampoline, a private mapping of a file (a snapshot of it), and what `fork` copies. So the VMO
says which kind a mapping is: resizable, it is shared, and `fork` gives the child the same VMO
instead of a snapshot. (Chapter 4's mappings keep no such flag, and Zircon has no `fork` that would
need one.) Whatever maps a new kind of private memory into a Linux process must keep to this: a
VMO of a fixed size. */
#ifndef ZINC_LINUX_MEMORY_H
#define ZINC_LINUX_MEMORY_H

#include "vm/vmo.h"

/* The names of the VMOs of a Linux process's heap, stack and signal-return page, which
   /proc/PID/maps shows as [heap], [stack] and [sigreturn] (fs/procfs_maps.c). */
#define LINUX_VMO_HEAP "heap"
#define LINUX_VMO_STACK "stack"
#define LINUX_VMO_SIGRETURN "sigreturn"

/* Is [va, va + len) user memory? */
bool linux_user_range(vaddr_t va, size_t len);

/* The VMAR permissions for Linux protections (PROT_*): read comes with anything else, as on the
   machines Zinc runs on. */
uint32_t linux_prot_perms(uint64_t prot);

/* A new VMO of len bytes, which fork shares if shared says so and snapshots otherwise. */
zx_status_t linux_memory_create(size_t len, bool shared, struct vmo **out);

/* Is a mapping of v shared memory, which fork gives to the child as it is? */
bool linux_memory_is_shared(const struct vmo *v);

#endif
