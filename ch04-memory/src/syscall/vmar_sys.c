/*: # System calls on VMARs

The permissions of a mapping are checked three times, as Fuchsia does: against what the VMAR may map
(`ZX_VM_CAN_MAP_*`, checked in vm/vmar.c), against the VMAR handle's rights, and against the VMO
handle's rights (`ZX_RIGHT_READ`, `_WRITE`, `_EXECUTE`, and `ZX_RIGHT_MAP` to map it at all).
What both handles allow when the mapping is made is the most it may ever allow: `zx_vmar_protect`
cannot make writable a mapping of a VMO whose handle had no write right (vm/mapping.h).
Allocating a child that may map something needs that access right on the parent's handle; the
child's handle then has the rights every new VMAR handle has (`vmar_rights`):
`ZX_DEFAULT_VMAR_RIGHTS` (transfer, duplicate, inspect, op-children) and the access rights of what
the child may map, whatever else the parent's handle had or lacked, as in Fuchsia. */
#include "syscall/caller.h"
#include "syscall/handle_give.h"
#include "syscall/sys.h"
#include "vm/vmar.h"

/* The access rights that ZX_VM_PERM_* (or ZX_VM_CAN_MAP_*, shifted down) stand for. */
static zx_rights_t rights_for_perms(uint32_t perms)
{
    return (perms & ZX_VM_PERM_READ ? ZX_RIGHT_READ : 0) |
           (perms & ZX_VM_PERM_WRITE ? ZX_RIGHT_WRITE : 0) |
           (perms & ZX_VM_PERM_EXECUTE ? ZX_RIGHT_EXECUTE : 0);
}

/* The permissions rights allow: the ZX_VM_CAN_MAP_* bits, ZX_VM_PERM_x << 7 each. */
static uint32_t can_map_for_rights(zx_rights_t rights)
{
    return (rights & ZX_RIGHT_READ ? ZX_VM_CAN_MAP_READ : 0) |
           (rights & ZX_RIGHT_WRITE ? ZX_VM_CAN_MAP_WRITE : 0) |
           (rights & ZX_RIGHT_EXECUTE ? ZX_VM_CAN_MAP_EXECUTE : 0);
}

static zx_status_t get_vmar(zx_handle_t h, struct vmar **v, zx_rights_t *rights)
{
    struct kobject *obj;
    zx_status_t status = caller_handle_get(h, ZX_OBJ_TYPE_VMAR, 0, &obj, rights);
    if (status == ZX_OK)
        *v = container_of(obj, struct vmar, base);
    return status;
}

zx_status_t sys_vmar_allocate(zx_handle_t parent_vmar, uint32_t options, size_t offset, size_t size,
                              uaddr_t child_vmar, uaddr_t child_addr)
{
    struct vmar *parent, *child;
    zx_rights_t rights;
    zx_status_t status = get_vmar(parent_vmar, &parent, &rights);
    if (status != ZX_OK)
        return status;
    if (rights_for_perms((options & ZX_VM_CAN_MAP_PERMS) >> 7) & ~rights)
        status = ZX_ERR_ACCESS_DENIED;
    else
        status = vmar_allocate(parent, options, offset, size, &child);
    kobject_unref(&parent->base);
    if (status != ZX_OK)
        return status;
    vaddr_t addr = child->start;
    if (user_copy_out(child_addr, &addr, sizeof addr) != ZX_OK) {
        vmar_destroy(child);
        kobject_unref(&child->base);
        return ZX_ERR_INVALID_ARGS;
    }
    return handle_give(&child->base, vmar_rights(child), child_vmar, NULL);
}

zx_status_t sys_vmar_map(zx_handle_t handle, uint32_t options, size_t vmar_offset, zx_handle_t vmo,
                         uint64_t vmo_offset, size_t len, uaddr_t mapped_addr)
{
    struct vmar *v;
    struct kobject *obj;
    zx_rights_t vmar_rights, vmo_rights;
    zx_status_t status = get_vmar(handle, &v, &vmar_rights);
    if (status != ZX_OK)
        return status;
    status = caller_handle_get(vmo, ZX_OBJ_TYPE_VMO, ZX_RIGHT_MAP, &obj, &vmo_rights);
    if (status != ZX_OK) {
        kobject_unref(&v->base);
        return status;
    }
    zx_rights_t need = rights_for_perms(options & ZX_VM_PERMS);
    vaddr_t addr = 0;
    if (options & ZX_VM_CAN_MAP_PERMS) /* the kernel's to set, below */
        status = ZX_ERR_INVALID_ARGS;
    else if ((need & ~vmar_rights) || (need & ~vmo_rights))
        status = ZX_ERR_ACCESS_DENIED;
    else /* what both handles allow now is the most the mapping will ever allow */
        status = vmar_map(v, options | can_map_for_rights(vmar_rights & vmo_rights), vmar_offset,
                          container_of(obj, struct vmo, base), vmo_offset, len, &addr);
    if (status == ZX_OK && user_copy_out(mapped_addr, &addr, sizeof addr) != ZX_OK) {
        vmar_unmap(v, addr, len);
        status = ZX_ERR_INVALID_ARGS;
    }
    kobject_unref(obj);
    kobject_unref(&v->base);
    return status;
}

zx_status_t sys_vmar_unmap(zx_handle_t handle, uintptr_t addr, size_t len)
{
    struct vmar *v;
    zx_rights_t rights;
    zx_status_t status = get_vmar(handle, &v, &rights);
    if (status != ZX_OK)
        return status;
    status = vmar_unmap(v, addr, len);
    kobject_unref(&v->base);
    return status;
}

zx_status_t sys_vmar_protect(zx_handle_t handle, uint32_t options, uintptr_t addr, size_t len)
{
    struct vmar *v;
    zx_rights_t rights;
    zx_status_t status = get_vmar(handle, &v, &rights);
    if (status != ZX_OK)
        return status;
    status = rights_for_perms(options) & ~rights ? ZX_ERR_ACCESS_DENIED
                                                 : vmar_protect(v, options, addr, len);
    kobject_unref(&v->base);
    return status;
}

zx_status_t sys_vmar_destroy(zx_handle_t handle)
{
    struct vmar *v;
    zx_rights_t rights;
    zx_status_t status = get_vmar(handle, &v, &rights);
    if (status != ZX_OK)
        return status;
    status = rights & ZX_RIGHT_OP_CHILDREN ? vmar_destroy(v) : ZX_ERR_ACCESS_DENIED;
    kobject_unref(&v->base);
    return status;
}
