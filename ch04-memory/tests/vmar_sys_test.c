/*: # Tests of the VMAR system calls: the three checks of a mapping's rights */
#include "kernel/ktest.h"
#include "sys_support.h"
#include "vm/vmar.h"
#include "zircon/object_info.h"

#define PS PAGE_SIZE
#define REGION 0x40000000ul

struct vm_env {
    struct sys_env env;
    zx_handle_t vmar, vmo;
};

static int vm_env_init(struct vm_env *e)
{
    struct vmar *root;
    if (sys_env_init(&e->env) || vm_space_create(e->env.us.pt, REGION, 256 * PS, &root) != ZX_OK)
        return -1;
    if (handle_table_add(&e->env.handles, &root->base, vmar_rights(root), &e->vmar) != ZX_OK)
        return -1;
    if (sys_vmo_create(4 * PS, 0, scratch(0)) != ZX_OK)
        return -1;
    e->vmo = scratch_u32(&e->env, 0);
    return 0;
}

static zx_handle_t reduced(struct vm_env *e, zx_handle_t h, zx_rights_t rights)
{
    return sys_handle_duplicate(h, rights, scratch(0)) == ZX_OK ? scratch_u32(&e->env, 0) : 0;
}

KTEST(vmar_map_checks_vmo_and_vmar_rights)
{
    struct vm_env e;
    KASSERT_EQ(vm_env_init(&e), 0);
    uint32_t rw = ZX_VM_PERM_READ | ZX_VM_PERM_WRITE;
    KEXPECT_EQ(sys_vmar_map(e.vmar, rw, 0, e.vmo, 0, PS, scratch(8)), ZX_OK);
    KEXPECT_GE(scratch_u64(&e.env, 8), REGION);
    zx_handle_t no_map = reduced(&e, e.vmo, ZX_RIGHT_READ | ZX_RIGHT_WRITE);
    KEXPECT_EQ(sys_vmar_map(e.vmar, ZX_VM_PERM_READ, 0, no_map, 0, PS, scratch(8)),
               ZX_ERR_ACCESS_DENIED);
    zx_handle_t read_only = reduced(&e, e.vmo, ZX_RIGHT_READ | ZX_RIGHT_MAP);
    KEXPECT_EQ(sys_vmar_map(e.vmar, rw, 0, read_only, 0, PS, scratch(8)), ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(sys_vmar_map(e.vmar, ZX_VM_PERM_READ, 0, read_only, 0, PS, scratch(8)), ZX_OK);
    zx_handle_t vmar_ro = reduced(&e, e.vmar, ZX_RIGHT_READ);
    KEXPECT_EQ(sys_vmar_map(vmar_ro, rw, 0, e.vmo, 0, PS, scratch(8)), ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(sys_vmar_map(e.vmo, ZX_VM_PERM_READ, 0, e.vmo, 0, PS, scratch(8)),
               ZX_ERR_WRONG_TYPE);
    KEXPECT_EQ(sys_vmar_map(e.vmar, ZX_VM_PERM_READ, 0, e.vmar, 0, PS, scratch(8)),
               ZX_ERR_WRONG_TYPE);
    KEXPECT_EQ(sys_vmar_map(e.vmar, ZX_VM_PERM_READ, 0, e.vmo, 0, PS, READONLY_VA),
               ZX_ERR_INVALID_ARGS);
    sys_env_free(&e.env);
}

KTEST(vmar_allocate_gives_a_child_with_fewer_rights)
{
    struct vm_env e;
    KASSERT_EQ(vm_env_init(&e), 0);
    KASSERT_EQ(sys_vmar_allocate(e.vmar, ZX_VM_CAN_MAP_READ, 0, 16 * PS, scratch(0), scratch(8)),
               ZX_OK);
    zx_handle_t child = scratch_u32(&e.env, 0);
    uint64_t addr = scratch_u64(&e.env, 8);
    KEXPECT_GE(addr, REGION);
    KASSERT_EQ(sys_object_get_info(child, ZX_INFO_HANDLE_BASIC, scratch(64), 32, 0, 0), ZX_OK);
    KEXPECT_EQ(scratch_u32(&e.env, 64 + 12), ZX_OBJ_TYPE_VMAR);
    KEXPECT_EQ(scratch_u32(&e.env, 64 + 8) & (ZX_RIGHT_READ | ZX_RIGHT_WRITE), ZX_RIGHT_READ);
    KEXPECT_EQ(sys_vmar_map(child, ZX_VM_PERM_READ, 0, e.vmo, 0, PS, scratch(16)), ZX_OK);
    KEXPECT_GE(scratch_u64(&e.env, 16), addr);
    KEXPECT_LT(scratch_u64(&e.env, 16), addr + 16 * PS);
    zx_handle_t ro = reduced(&e, e.vmar, ZX_RIGHT_READ);
    KEXPECT_EQ(sys_vmar_allocate(ro, ZX_VM_CAN_MAP_WRITE, 0, PS, scratch(0), scratch(8)),
               ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(sys_vmar_allocate(e.vmar, ZX_VM_CAN_MAP_READ, 0, 1000 * PS, scratch(0), scratch(8)),
               ZX_ERR_INVALID_ARGS); /* larger than the parent */
    zx_handle_t no_children = reduced(&e, child, ZX_RIGHT_READ);
    KEXPECT_EQ(sys_vmar_destroy(no_children), ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(sys_vmar_destroy(child), ZX_OK);
    KEXPECT_EQ(sys_vmar_map(child, ZX_VM_PERM_READ, 0, e.vmo, 0, PS, scratch(16)),
               ZX_ERR_BAD_STATE);
    sys_env_free(&e.env);
}

KTEST(vmar_unmap_and_protect_through_handles)
{
    struct vm_env e;
    KASSERT_EQ(vm_env_init(&e), 0);
    KASSERT_EQ(sys_vmar_map(e.vmar, ZX_VM_PERM_READ, 0, e.vmo, 0, 2 * PS, scratch(8)), ZX_OK);
    uint64_t addr = scratch_u64(&e.env, 8);
    KEXPECT_EQ(sys_vmar_protect(e.vmar, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, addr, 2 * PS), ZX_OK);
    zx_handle_t ro = reduced(&e, e.vmar, ZX_RIGHT_READ);
    KEXPECT_EQ(sys_vmar_protect(ro, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, addr, PS),
               ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(sys_vmar_unmap(e.vmar, addr, PS), ZX_OK);
    KEXPECT_EQ(sys_vmar_protect(e.vmar, ZX_VM_PERM_READ, addr, 2 * PS), ZX_ERR_NOT_FOUND);
    KEXPECT_EQ(sys_vmar_unmap(e.vmar, addr + 3, PS), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_vmar_unmap(e.vmo, addr, PS), ZX_ERR_WRONG_TYPE);
    sys_env_free(&e.env);
}

KTEST(vmar_protect_gives_no_more_than_the_vmo_handle_allowed)
{
    struct vm_env e;
    KASSERT_EQ(vm_env_init(&e), 0);
    zx_handle_t read_only = reduced(&e, e.vmo, ZX_RIGHT_READ | ZX_RIGHT_MAP);
    KASSERT_EQ(sys_vmar_map(e.vmar, ZX_VM_PERM_READ, 0, read_only, 0, 2 * PS, scratch(8)), ZX_OK);
    uint64_t addr = scratch_u64(&e.env, 8);
    uint32_t rw = ZX_VM_PERM_READ | ZX_VM_PERM_WRITE;
    KEXPECT_EQ(sys_vmar_protect(e.vmar, rw, addr, 2 * PS), ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(sys_vmar_protect(e.vmar, 0, addr, 2 * PS), ZX_OK); /* less is always allowed */
    KEXPECT_EQ(sys_vmar_protect(e.vmar, rw, addr, 2 * PS), ZX_ERR_ACCESS_DENIED); /* and kept */
    KEXPECT_EQ(sys_vmar_protect(e.vmar, ZX_VM_PERM_READ, addr, 2 * PS), ZX_OK);
    KEXPECT_EQ(sys_vmar_map(e.vmar, ZX_VM_PERM_READ | ZX_VM_CAN_MAP_WRITE, 0, read_only, 0, PS,
                            scratch(8)),
               ZX_ERR_INVALID_ARGS); /* a program may not name its own limit */
    KASSERT_EQ(sys_vmar_map(e.vmar, ZX_VM_PERM_READ, 0, e.vmo, 0, PS, scratch(8)), ZX_OK);
    KEXPECT_EQ(sys_vmar_protect(e.vmar, rw, scratch_u64(&e.env, 8), PS), ZX_OK);
    sys_env_free(&e.env);
}
