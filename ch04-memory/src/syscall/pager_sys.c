/*: # System calls on pagers

Making a pager's VMO needs `ZX_RIGHT_ATTACH_VMO` on the pager, and the VMO sends its requests to
a port whose handle has `ZX_RIGHT_WRITE`. Supplying pages takes the pager (with
`ZX_RIGHT_MANAGE_VMO`), its VMO (with `ZX_RIGHT_WRITE`) and the auxiliary VMO the bytes come from
(with `ZX_RIGHT_READ` and `ZX_RIGHT_WRITE`, since its pages move out of it). The port's own calls
are in syscall/port_sys.c. */
#include "object/port.h"
#include "syscall/caller.h"
#include "syscall/handle_give.h"
#include "syscall/sys.h"
#include "vm/pager.h"
#include "vm/vmo.h"

zx_status_t sys_pager_create(uint32_t options, uaddr_t out)
{
    struct pager *p;
    if (options != 0)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status = pager_create(&p);
    return status == ZX_OK ? handle_give(&p->base, pager_type.default_rights, out, NULL) : status;
}

zx_status_t sys_pager_create_vmo(zx_handle_t pager, uint32_t options, zx_handle_t port,
                                 uint64_t key, uint64_t size, uaddr_t out)
{
    struct kobject *pg, *pt;
    struct vmo *v;
    if (options & ~ZX_VMO_RESIZABLE)
        return ZX_ERR_INVALID_ARGS;
    zx_status_t status =
        caller_handle_get(pager, ZX_OBJ_TYPE_PAGER, ZX_RIGHT_ATTACH_VMO, &pg, NULL);
    if (status != ZX_OK)
        return status;
    if ((status = caller_handle_get(port, ZX_OBJ_TYPE_PORT, ZX_RIGHT_WRITE, &pt, NULL)) == ZX_OK) {
        status = pager_create_vmo(container_of(pg, struct pager, base), pt, key, size,
                                  options & ZX_VMO_RESIZABLE, &v);
        kobject_unref(pt);
    }
    kobject_unref(pg);
    if (status != ZX_OK)
        return status;
    zx_rights_t rights = vmo_type.default_rights | (v->resizable ? ZX_RIGHT_RESIZE : 0);
    return handle_give(&v->base, rights, out, NULL);
}

zx_status_t sys_pager_supply_pages(zx_handle_t pager, zx_handle_t pager_vmo, uint64_t offset,
                                   uint64_t length, zx_handle_t aux_vmo, uint64_t aux_offset)
{
    struct kobject *pg, *v = NULL, *aux = NULL;
    zx_status_t status =
        caller_handle_get(pager, ZX_OBJ_TYPE_PAGER, ZX_RIGHT_MANAGE_VMO, &pg, NULL);
    if (status != ZX_OK)
        return status;
    if ((status = caller_handle_get(pager_vmo, ZX_OBJ_TYPE_VMO, ZX_RIGHT_WRITE, &v, NULL)) != ZX_OK)
        v = NULL;
    else if ((status = caller_handle_get(aux_vmo, ZX_OBJ_TYPE_VMO,
                                         ZX_RIGHT_READ | ZX_RIGHT_WRITE, &aux, NULL)) != ZX_OK)
        aux = NULL;
    else
        status =
            pager_supply(container_of(pg, struct pager, base), container_of(v, struct vmo, base),
                         offset, length, container_of(aux, struct vmo, base), aux_offset);
    if (aux)
        kobject_unref(aux);
    if (v)
        kobject_unref(v);
    kobject_unref(pg);
    return status;
}
