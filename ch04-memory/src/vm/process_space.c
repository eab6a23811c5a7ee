/*: # A process's address space is a VMAR

Chapter 4's address-space provider (chapter 3's task/address_space.h): every process gets a root VMAR over
its page table, and its threads' page faults, and the system calls' copies from pages not yet present, are
served by it. `zx_process_create` hands out a handle to that root, through which the parent maps VMOs
before the start; userboot and the launcher also pass the root in the start-up message (`PA_VMAR_ROOT`),
where the process finds it with `zx_vmar_root_self()`.

The root covers `PROCESS_VMAR_BASE` to `PROCESS_VMAR_END`, a range every target's user space contains. The
program image and the stack are still placed by chapter 3's loader, outside that range, straight into the
page table; loading programs as VMO mappings is the next step. */
#include "task/address_space.h"
#include "vm/pager.h"
#include "vm/vmar.h"

#define PROCESS_VMAR_BASE 0x10000000ul
#define PROCESS_VMAR_END 0x70000000ul

static zx_status_t vmar_attach(struct process *p)
{
    struct vmar *root;
    zx_status_t status = vm_space_create(p->memory.pt, PROCESS_VMAR_BASE, PROCESS_VMAR_END - PROCESS_VMAR_BASE, &root);
    if (status == ZX_OK)
        p->space = root;
    return status;
}

static void vmar_detach(struct process *p)
{
    hal_lock_acquire(&p->lock); /* object_get_info reads p->space from other threads (syscall/vm_info.c) */
    struct vmar *root = p->space;
    p->space = NULL;
    hal_lock_release(&p->lock);
    vmar_destroy(root); /* the mappings go now, while the page table is still there */
    kobject_unref(&root->base);
}

/* A fault on a page a pager has yet to supply waits here, with no lock held, and tries again. */
static zx_status_t vmar_fault(struct process *p, vaddr_t va, unsigned access)
{
    struct vmar *root = p->space;
    if (!root)
        return ZX_ERR_NOT_FOUND;
    zx_status_t status;
    while ((status = vm_space_fault(root->space, va, access)) == ZX_ERR_SHOULD_WAIT)
        if (!pager_wait())
            return ZX_ERR_CANCELED;
    return status;
}

static struct kobject *vmar_root(struct process *p, zx_rights_t *rights)
{
    struct vmar *root = p->space;
    if (!root)
        return NULL;
    kobject_ref(&root->base);
    *rights = vmar_type.default_rights;
    return &root->base;
}

static const struct address_space_provider vmars_init = {vmar_attach, vmar_detach, vmar_fault, vmar_root};
ADDRESS_SPACE_PROVIDER(vmars);
