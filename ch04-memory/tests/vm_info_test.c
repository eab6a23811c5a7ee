/*: # Tests of the memory topics of object_get_info

Through the system call, as a user program would ask: a VMO's record as it is written to and given
children; a VMAR's range; and the map and the VMO list of a process that the test builds in the
kernel (a process never started, with VMOs mapped into its root VMAR and child VMARs, and handles
put in its table). Each list is also read with a buffer too small, to see `actual` and `avail`. */
#include "kernel/ktest.h"
#include "sys_support.h"
#include "task/task.h"
#include "vm/vmar.h"
#include "zircon/object_info.h"
#include "zircon/vm_info.h"

#define PS PAGE_SIZE
#define OUT 1024 /* where records land in the scratch region; below it, small results */

static zx_handle_t new_vmo(struct sys_env *env, uint64_t size, uint32_t options)
{
    return sys_vmo_create(size, options, scratch(0)) == ZX_OK ? scratch_u32(env, 0) : 0;
}

static zx_handle_t add(struct sys_env *env, struct kobject *obj, zx_rights_t rights)
{
    zx_handle_t h = 0;
    kobject_ref(obj);
    return handle_table_add(&env->handles, obj, rights, &h) == ZX_OK ? h : 0;
}

/* Ask topic about h with room for n records of size bytes; records land at scratch(OUT), actual and
   avail at scratch(16) and scratch(24). */
static zx_status_t ask(zx_handle_t h, uint32_t topic, size_t size, size_t n)
{
    return sys_object_get_info(h, topic, scratch(OUT), size * n, scratch(16), scratch(24));
}

static zx_info_vmo_t vmo_info(zx_handle_t h)
{
    zx_info_vmo_t info = {0};
    if (ask(h, ZX_INFO_VMO, sizeof info, 1) == ZX_OK)
        user_copy_in(&info, scratch(OUT), sizeof info);
    return info;
}

static zx_koid_t koid_of(struct sys_env *env, zx_handle_t h)
{
    return sys_object_get_info(h, ZX_INFO_HANDLE_BASIC, scratch(32), 32, 0, 0) == ZX_OK
               ? scratch_u64(env, 32)
               : 0;
}

KTEST(vmo_info_follows_writes_children_and_rights)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    zx_handle_t v = new_vmo(&env, 4 * PS, 0);
    KASSERT_TRUE(v);
    zx_info_vmo_t info = vmo_info(v);
    KEXPECT_EQ(info.koid, koid_of(&env, v));
    KEXPECT_EQ(info.size_bytes, 4 * PS);
    KEXPECT_EQ(info.committed_bytes, 0);
    KEXPECT_EQ(info.flags, ZX_INFO_VMO_TYPE_PAGED | ZX_INFO_VMO_VIA_HANDLE);
    KEXPECT_EQ(info.handle_rights, vmo_type.default_rights);
    KEXPECT_EQ(info.parent_koid, 0);
    scratch_put(&env, 64, "abc", 3);
    KASSERT_EQ(sys_vmo_write(v, scratch(64), PS + 5, 3), ZX_OK);
    KASSERT_EQ(sys_vmo_write(v, scratch(64), 3 * PS, 3), ZX_OK);
    KEXPECT_EQ(vmo_info(v).committed_bytes, 2 * PS);
    KASSERT_EQ(sys_vmo_create_child(v, ZX_VMO_CHILD_SNAPSHOT, 0, 2 * PS, scratch(0)), ZX_OK);
    zx_handle_t child = scratch_u32(&env, 0);
    KEXPECT_EQ(vmo_info(v).num_children, 1);
    info = vmo_info(child);
    KEXPECT_EQ(info.parent_koid, koid_of(&env, v));
    KEXPECT_TRUE(info.flags & ZX_INFO_VMO_IS_COW_CLONE);
    KEXPECT_EQ(info.size_bytes, 2 * PS);
    KEXPECT_EQ(sys_handle_close(child), ZX_OK);
    KEXPECT_EQ(vmo_info(v).num_children, 0);
    zx_handle_t resizable = new_vmo(&env, PS, ZX_VMO_RESIZABLE);
    KEXPECT_TRUE(vmo_info(resizable).flags & ZX_INFO_VMO_RESIZABLE);
    /* The name set as a property; the first version of the record; no right is needed. */
    scratch_put(&env, 64, "buffer", 7);
    KASSERT_EQ(sys_object_set_property(v, ZX_PROP_NAME, scratch(64), 7), ZX_OK);
    KEXPECT_EQ(vmo_info(v).name[0], 'b');
    KASSERT_EQ(sys_handle_duplicate(v, ZX_RIGHT_READ, scratch(0)), ZX_OK);
    zx_handle_t read_only = scratch_u32(&env, 0);
    KEXPECT_EQ(vmo_info(read_only).handle_rights, ZX_RIGHT_READ);
    KEXPECT_EQ(ask(v, ZX_INFO_VMO_V1, sizeof(zx_info_vmo_v1_t), 1), ZX_OK);
    KEXPECT_EQ(scratch_u64(&env, OUT), koid_of(&env, v));
    KEXPECT_EQ(ask(v, ZX_INFO_VMO, sizeof(zx_info_vmo_v1_t), 1), ZX_ERR_BUFFER_TOO_SMALL);
    KEXPECT_EQ(scratch_u64(&env, 16), 0);
    KEXPECT_EQ(scratch_u64(&env, 24), 1);
    KASSERT_EQ(sys_event_create(0, scratch(0)), ZX_OK);
    KEXPECT_EQ(ask(scratch_u32(&env, 0), ZX_INFO_VMO, sizeof info, 1), ZX_ERR_WRONG_TYPE);
    sys_env_free(&env);
}

KTEST(vmar_info_gives_the_range_with_inspect)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    struct vmar *root, *child;
    KASSERT_EQ(vm_space_create(env.us.pt, 0x40000000ul, 256 * PS, &root), ZX_OK);
    KASSERT_EQ(vmar_allocate(root, ZX_VM_CAN_MAP_READ | ZX_VM_SPECIFIC, 8 * PS, 16 * PS, &child),
               ZX_OK);
    zx_handle_t h = add(&env, &child->base, vmar_rights(child));
    KEXPECT_EQ(ask(h, ZX_INFO_VMAR, sizeof(zx_info_vmar_t), 1), ZX_OK);
    KEXPECT_EQ(scratch_u64(&env, OUT), 0x40000000ul + 8 * PS);
    KEXPECT_EQ(scratch_u64(&env, OUT + 8), 16 * PS);
    zx_handle_t blind = add(&env, &child->base, ZX_RIGHT_READ);
    KEXPECT_EQ(ask(blind, ZX_INFO_VMAR, sizeof(zx_info_vmar_t), 1), ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(ask(new_vmo(&env, PS, 0), ZX_INFO_VMAR, sizeof(zx_info_vmar_t), 1),
               ZX_ERR_WRONG_TYPE);
    kobject_unref(&child->base);
    vmar_destroy(root); /* a child VMAR holds its parent: only a destroy breaks the circle */
    kobject_unref(&root->base);
    sys_env_free(&env);
}

/* A process never started, with: a child VMAR holding one mapping of a (2 pages, 1 written), and b
   mapped twice in the root (1 page each). */
struct fixture {
    struct sys_env env;
    struct process *p;
    zx_handle_t process;
    struct vmo *a, *b;
    vaddr_t sub, in_sub, b1, b2;
};

static int fixture_init(struct fixture *f)
{
    if (sys_env_init(&f->env) || process_create(job_root(), "mapped", &f->p) != ZX_OK)
        return -1;
    f->process = add(&f->env, &f->p->base, process_type.default_rights);
    kobject_unref(&f->p->base); /* the handle keeps it */
    struct vmar *root = f->p->space, *sub;
    uint64_t word = 7;
    if (vmo_create(2 * PS, false, &f->a) != ZX_OK || vmo_create(PS, false, &f->b) != ZX_OK ||
        vmo_write(f->a, PS, &word, sizeof word) != ZX_OK)
        return -1;
    if (vmar_allocate(root, ZX_VM_CAN_MAP_READ | ZX_VM_CAN_MAP_WRITE, 0, 16 * PS, &sub) != ZX_OK)
        return -1;
    f->sub = sub->start;
    zx_status_t s1 =
        vmar_map(sub, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE, 0, f->a, 0, 2 * PS, &f->in_sub);
    zx_status_t s2 = vmar_map(root, ZX_VM_PERM_READ, 0, f->b, 0, PS, &f->b1);
    zx_status_t s3 = vmar_map(root, ZX_VM_PERM_READ, 0, f->b, 0, PS, &f->b2);
    kobject_unref(&sub->base); /* its parent's entry keeps it */
    return s1 == ZX_OK && s2 == ZX_OK && s3 == ZX_OK ? 0 : -1;
}

static void fixture_free(struct fixture *f)
{
    kobject_unref(&f->a->base);
    kobject_unref(&f->b->base);
    sys_env_free(&f->env);
}

static zx_info_maps_t map_record(size_t i)
{
    zx_info_maps_t r = {0};
    user_copy_in(&r, scratch(OUT + i * sizeof r), sizeof r);
    return r;
}

KTEST(process_maps_lists_the_tree_in_order)
{
    struct fixture f;
    KASSERT_EQ(fixture_init(&f), 0);
    KASSERT_EQ(ask(f.process, ZX_INFO_PROCESS_MAPS, sizeof(zx_info_maps_t), 10), ZX_OK);
    KEXPECT_EQ(scratch_u64(&f.env, 16), 6); /* space, root, sub, its mapping, b twice */
    KEXPECT_EQ(scratch_u64(&f.env, 24), 6);
    zx_info_maps_t r = map_record(0);
    KEXPECT_EQ(r.type, ZX_INFO_MAPS_TYPE_ASPACE);
    KEXPECT_EQ(r.depth, 0);
    KEXPECT_EQ(r.name[0], 'm'); /* the process's name */
    r = map_record(1);
    KEXPECT_EQ(r.type, ZX_INFO_MAPS_TYPE_VMAR);
    KEXPECT_EQ(r.depth, 1);
    struct vmar *root = f.p->space;
    KEXPECT_EQ(r.base, root->start);
    KEXPECT_EQ(r.size, root->size);
    vaddr_t last = 0;
    int found = 0;
    for (size_t i = 2; i < 6; i++) {
        r = map_record(i);
        KEXPECT_GE(r.base, last); /* ascending: pre-order of sorted lists */
        last = r.base;
        if (r.base == f.sub && r.type == ZX_INFO_MAPS_TYPE_VMAR) {
            KEXPECT_EQ(r.depth, 2);
            KEXPECT_EQ(r.size, 16 * PS);
            found |= 1;
        } else if (r.base == f.in_sub) {
            KEXPECT_EQ(r.type, ZX_INFO_MAPS_TYPE_MAPPING);
            KEXPECT_EQ(r.depth, 3);
            KEXPECT_EQ(r.u.mapping.vmo_koid, f.a->base.koid);
            KEXPECT_EQ(r.u.mapping.mmu_flags, ZX_VM_PERM_READ | ZX_VM_PERM_WRITE);
            KEXPECT_EQ(r.u.mapping.committed_pages, 1);
            KEXPECT_EQ(r.size, 2 * PS);
            found |= 2;
        } else if (r.base == f.b1 || r.base == f.b2) {
            KEXPECT_EQ(r.depth, 2);
            KEXPECT_EQ(r.u.mapping.vmo_koid, f.b->base.koid);
            KEXPECT_EQ(r.u.mapping.mmu_flags, ZX_VM_PERM_READ);
            KEXPECT_EQ(r.u.mapping.committed_pages, 0);
            found |= r.base == f.b1 ? 4 : 8;
        }
    }
    KEXPECT_EQ(found, 15);
    /* Room for two: two written, six available, and no error. */
    KEXPECT_EQ(ask(f.process, ZX_INFO_PROCESS_MAPS, sizeof(zx_info_maps_t), 2), ZX_OK);
    KEXPECT_EQ(scratch_u64(&f.env, 16), 2);
    KEXPECT_EQ(scratch_u64(&f.env, 24), 6);
    KEXPECT_EQ(ask(f.process, ZX_INFO_PROCESS_MAPS, sizeof(zx_info_maps_t), 0), ZX_OK);
    KEXPECT_EQ(scratch_u64(&f.env, 16), 0);
    KEXPECT_EQ(scratch_u64(&f.env, 24), 6);
    zx_handle_t blind = add(&f.env, &f.p->base, ZX_RIGHT_READ | ZX_RIGHT_ENUMERATE);
    KEXPECT_EQ(ask(blind, ZX_INFO_PROCESS_MAPS, sizeof(zx_info_maps_t), 10), ZX_ERR_ACCESS_DENIED);
    /* A dead process has no address space left. */
    process_kill(f.p, 0);
    KEXPECT_EQ(ask(f.process, ZX_INFO_PROCESS_MAPS, sizeof(zx_info_maps_t), 10), ZX_ERR_BAD_STATE);
    KEXPECT_EQ(ask(f.process, ZX_INFO_PROCESS_VMOS, sizeof(zx_info_vmo_t), 10), ZX_ERR_BAD_STATE);
    fixture_free(&f);
}

static zx_info_vmo_t vmo_record(size_t i)
{
    zx_info_vmo_t r = {0};
    user_copy_in(&r, scratch(OUT + i * sizeof r), sizeof r);
    return r;
}

KTEST(process_vmos_lists_mappings_then_handles)
{
    struct fixture f;
    KASSERT_EQ(fixture_init(&f), 0);
    kobject_ref(&f.a->base);
    zx_handle_t in_process;
    KASSERT_EQ(
        handle_table_add(&f.p->handles, &f.a->base, ZX_RIGHT_READ | ZX_RIGHT_MAP, &in_process),
        ZX_OK);
    KASSERT_EQ(ask(f.process, ZX_INFO_PROCESS_VMOS, sizeof(zx_info_vmo_t), 6), ZX_OK);
    KEXPECT_EQ(scratch_u64(&f.env, 16), 4); /* three mappings, one handle */
    KEXPECT_EQ(scratch_u64(&f.env, 24), 4);
    int by_mapping_a = 0, by_mapping_b = 0;
    for (size_t i = 0; i < 3; i++) {
        zx_info_vmo_t r = vmo_record(i);
        KEXPECT_EQ(r.flags & (ZX_INFO_VMO_VIA_MAPPING | ZX_INFO_VMO_VIA_HANDLE),
                   ZX_INFO_VMO_VIA_MAPPING);
        by_mapping_a += r.koid == f.a->base.koid;
        by_mapping_b += r.koid == f.b->base.koid;
        if (r.koid == f.b->base.koid) {
            KEXPECT_EQ(r.num_mappings, 2);
            KEXPECT_EQ(r.share_count, 1); /* both in the one address space */
        }
    }
    KEXPECT_EQ(by_mapping_a, 1);
    KEXPECT_EQ(by_mapping_b, 2);
    zx_info_vmo_t r = vmo_record(3);
    KEXPECT_EQ(r.koid, f.a->base.koid);
    KEXPECT_EQ(r.flags & (ZX_INFO_VMO_VIA_MAPPING | ZX_INFO_VMO_VIA_HANDLE),
               ZX_INFO_VMO_VIA_HANDLE);
    KEXPECT_EQ(r.handle_rights, ZX_RIGHT_READ | ZX_RIGHT_MAP);
    KEXPECT_EQ(r.committed_bytes, PS);
    /* Short buffers, and the first version's shorter records. */
    KEXPECT_EQ(ask(f.process, ZX_INFO_PROCESS_VMOS, sizeof(zx_info_vmo_t), 1), ZX_OK);
    KEXPECT_EQ(scratch_u64(&f.env, 16), 1);
    KEXPECT_EQ(scratch_u64(&f.env, 24), 4);
    KEXPECT_EQ(ask(f.process, ZX_INFO_PROCESS_VMOS_V1, sizeof(zx_info_vmo_v1_t), 4), ZX_OK);
    KEXPECT_EQ(scratch_u64(&f.env, 16), 4);
    KEXPECT_EQ(scratch_u64(&f.env, OUT + 3 * sizeof(zx_info_vmo_v1_t)), f.a->base.koid);
    KEXPECT_EQ(ask(f.process, ZX_INFO_PROCESS_VMOS, sizeof(zx_info_vmo_t), 0), ZX_OK);
    KEXPECT_EQ(scratch_u64(&f.env, 24), 4);
    KEXPECT_EQ(ask(new_vmo(&f.env, PS, 0), ZX_INFO_PROCESS_VMOS, sizeof(zx_info_vmo_t), 4),
               ZX_ERR_WRONG_TYPE);
    fixture_free(&f);
}
