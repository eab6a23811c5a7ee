/*: # A process's address space is a VMAR

Chapter 4's address-space provider (chapter 3's task/address_space.h): every process gets a root
VMAR over its page table, and its threads' page faults, and the system calls' copies from pages not
yet present, are served by it. `zx_process_create` hands out a handle to that root, through which
the parent maps VMOs before the start; userboot and the launcher also pass the root in the start-up
message (`PA_VMAR_ROOT`), where the process finds it with `zx_vmar_root_self()`.

The root covers all of user space, and the program lives in it like everything else: `vmar_load`
gives chapter 3's ELF loader a target that makes a VMO for each segment, maps it at the segment's
address (`ZX_VM_SPECIFIC`), copies the file's bytes into the VMO and sets the segment's permissions
with `vmar_protect`; the stack is one more VMO, mapped read-write below `USER_STACK_TOP`. The
segments' VMOs carry the process's name and the stack's is "stack", as the names in
`ZX_INFO_PROCESS_MAPS` show. So a program's pages are faulted in like any other, and
`ZX_INFO_PROCESS_MAPS` shows its code, data and stack. */
#include <string.h>

#include "task/address_space.h"
#include "task/elf.h"
#include "vm/pager.h"
#include "vm/vmar.h"
#include "vm/vmo.h"

static zx_status_t vmar_attach(struct process *p)
{
    struct vmar *root;
    zx_status_t status =
        vm_space_create(p->memory.pt, HAL_USER_BASE, HAL_USER_END - HAL_USER_BASE, &root);
    if (status == ZX_OK)
        p->space = root;
    return status;
}

static void vmar_detach(struct process *p)
{
    /* object_get_info reads p->space from other threads (syscall/vm_info.c) */
    hal_lock_acquire(&p->lock);
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
    uint64_t seen = pager_supplies();
    while ((status = vm_space_fault(root->space, va, access)) == ZX_ERR_SHOULD_WAIT) {
        if ((status = pager_wait(seen)) != WAIT_RESTART)
            return status;
        seen = pager_supplies();
    }
    return status;
}

static struct kobject *vmar_root(struct process *p, zx_rights_t *rights)
{
    struct vmar *root = p->space;
    if (!root)
        return NULL;
    kobject_ref(&root->base);
    *rights = vmar_rights(root);
    return &root->base;
}

/* The ELF target: each segment a VMO of its own, mapped where the segment goes. write fills the VMO
   of the segment map_new made last, which is the one the loader writes next. */
struct vmar_image {
    struct vmar *root;
    struct vmo *vmo; /* the last segment's, with a reference */
    vaddr_t base;    /* where it is mapped */
    /* the process's, for its segments' VMOs: ZX_INFO_PROCESS_MAPS shows it */
    char name[ZX_MAX_NAME_LEN];
};

/* A new VMO of len bytes named name, mapped at va with perms; *out, if wanted, receives a
   reference. */
static zx_status_t map_vmo_at(struct vmar *root, vaddr_t va, size_t len, uint32_t perms,
                              const char *name, struct vmo **out)
{
    struct vmo *vmo;
    vaddr_t addr;
    zx_status_t status = vmo_create(len, false, &vmo);
    if (status != ZX_OK)
        return status;
    kobject_set_name(&vmo->base, name, ZX_MAX_NAME_LEN);
    status = vmar_map(root, ZX_VM_SPECIFIC | perms, va - root->start, vmo, 0, len, &addr);
    if (status == ZX_OK && out)
        *out = vmo;
    else
        kobject_unref(&vmo->base); /* the mapping keeps its own reference */
    return status;
}

static zx_status_t image_map(void *ctx, vaddr_t va, size_t len)
{
    struct vmar_image *image = ctx;
    if (image->vmo)
        kobject_unref(&image->vmo->base);
    image->vmo = NULL;
    image->base = va;
    return map_vmo_at(image->root, va, len, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, image->name,
                      &image->vmo);
}

static zx_status_t image_write(void *ctx, vaddr_t va, const void *src, size_t len)
{
    struct vmar_image *image = ctx;
    return image->vmo ? vmo_write(image->vmo, va - image->base, src, len) : ZX_ERR_BAD_STATE;
}

static zx_status_t image_protect(void *ctx, vaddr_t va, size_t len, unsigned flags)
{
    struct vmar_image *image = ctx;
    uint32_t perms = (flags & HAL_MMU_READ ? ZX_VM_PERM_READ : 0) |
                     (flags & HAL_MMU_WRITE ? ZX_VM_PERM_WRITE : 0) |
                     (flags & HAL_MMU_EXEC ? ZX_VM_PERM_EXECUTE : 0);
    return vmar_protect(image->root, perms, va, len);
}

static const struct elf_target vmar_target = {image_map, image_write, image_protect};

static zx_status_t vmar_load(struct process *p, const uint8_t *file, size_t size, vaddr_t *entry,
                             vaddr_t *stack)
{
    struct vmar_image image = {p->space, NULL, 0, ""};
    if (!image.root)
        return ZX_ERR_BAD_STATE;
    kobject_get_name(&p->base, image.name);
    zx_status_t status = elf_load_into(&vmar_target, &image, file, size, entry);
    if (image.vmo)
        kobject_unref(&image.vmo->base);
    if (status == ZX_OK)
        status = map_vmo_at(image.root, USER_STACK_TOP - USER_STACK_SIZE, USER_STACK_SIZE,
                            ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, "stack", NULL);
    *stack = USER_STACK_TOP;
    return status;
}

static const struct address_space_provider vmars_init = {vmar_attach, vmar_detach, vmar_fault,
                                                         vmar_root, vmar_load};
ADDRESS_SPACE_PROVIDER(vmars);
