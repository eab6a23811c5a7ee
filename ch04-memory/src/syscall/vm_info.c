/*: # object_get_info for memory

The memory topics, registered with `INFO_TOPIC` like chapter 3's task topics, with the checks of
Fuchsia's reference, which the system call makes: the object's type first (`ZX_ERR_WRONG_TYPE`),
then `ZX_RIGHT_INSPECT` (`ZX_ERR_ACCESS_DENIED`), which a VMO's own record does not need.

- `ZX_INFO_VMO` (and `ZX_INFO_VMO_V1`, the record's first, shorter version): the VMO's koid, name
  and size, its parent and children, how often and into how many address spaces it is mapped, its
  kind in `flags`, the memory committed to it (a page shared with snapshots counts once, in the VMO
  that owns it), and the rights of the handle asked through.
- `ZX_INFO_VMAR`: the range a VMAR covers.
- `ZX_INFO_PROCESS_MAPS`: the process's address space as a list: the space itself (depth 0, named
  after the process, and in Zinc covering the same range as its root VMAR), its root VMAR (depth 1),
  then every child VMAR and mapping below, in address order, each with its depth; a mapping tells
  its permissions, its VMO and offset, and how many of its pages have memory behind them.
- `ZX_INFO_PROCESS_VMOS` (and `_V1`): one VMO record for each mapping of the process (flag
  `ZX_INFO_VMO_VIA_MAPPING`), then one for each VMO handle it holds (`ZX_INFO_VMO_VIA_HANDLE`, with
  the handle's rights). A VMO mapped twice, or held twice, appears twice: Fuchsia leaves duplicates
  to the caller too. A mapping of a slice reports the VMO the slice shows, since mappings are kept
  there.

Both lists are multi-record answers with Zircon's rules: a buffer too small is not an error,
`actual` says how many records were written and `avail` how many there are. They are gathered a few
records at a time into a kernel buffer, under the locks, and copied out with the locks released: a
copy to user memory may fault, and a process asking about itself would then wait for the very lock
its question holds. A process that has died has no address space left: `ZX_ERR_BAD_STATE`. */
#include <string.h>

#include "syscall/info.h"
#include "task/task.h"
#include "vm/vmar_walk.h"
#include "zircon/object_info.h"
#include "zircon/vm_info.h"

/* records gathered per pass: a zx_info_vmo_t is 128 bytes, and the pass sits on the stack */
#define CHUNK 8

/* The record of v; via is ZX_INFO_VMO_VIA_HANDLE (with the handle's rights), _VIA_MAPPING, or
   both. */
static void vmo_record(struct vmo *v, uint32_t via, zx_rights_t rights, zx_info_vmo_t *out)
{
    struct vmo_description d;
    vmo_describe(v, &d);
    uint64_t offset = 0;
    bool physical = vmo_root(v, &offset)->physical; /* a slice is of its root's kind */
    *out = (zx_info_vmo_t){
        .koid = v->base.koid,
        .size_bytes = vmo_size(v),
        .parent_koid = d.parent_koid,
        .num_children = d.children,
        .num_mappings = d.mappings,
        .share_count = d.address_spaces,
        .flags = (physical ? ZX_INFO_VMO_TYPE_PHYSICAL | ZX_INFO_VMO_CONTIGUOUS
                           : ZX_INFO_VMO_TYPE_PAGED) |
                 (v->resizable ? ZX_INFO_VMO_RESIZABLE : 0) |
                 (v->snapshot ? ZX_INFO_VMO_IS_COW_CLONE : 0) | via,
        .committed_bytes = d.committed_pages * PAGE_SIZE,
        .handle_rights = via & ZX_INFO_VMO_VIA_HANDLE ? rights : 0,
        /* Zinc maps every VMO cached, physical ones included */
        .cache_policy = ZX_CACHE_POLICY_CACHED,
    };
    kobject_get_name(&v->base, out->name);
}

static zx_status_t vmo_info(const struct info_request *req, size_t record_size)
{
    zx_info_vmo_t info;
    vmo_record(container_of(req->obj, struct vmo, base), ZX_INFO_VMO_VIA_HANDLE, req->rights,
               &info);
    /* the first version is a prefix of the record */
    return info_single_record(req, &info, record_size);
}

static zx_status_t vmo_info_v2(const struct info_request *req)
{
    return vmo_info(req, sizeof(zx_info_vmo_t));
}
INFO_TOPIC(ZX_INFO_VMO, ZX_OBJ_TYPE_VMO, ZX_RIGHT_NONE, vmo_info_v2);

static zx_status_t vmo_info_v1(const struct info_request *req)
{
    return vmo_info(req, sizeof(zx_info_vmo_v1_t));
}
INFO_TOPIC(ZX_INFO_VMO_V1, ZX_OBJ_TYPE_VMO, ZX_RIGHT_NONE, vmo_info_v1);

static zx_status_t vmar_info(const struct info_request *req)
{
    struct vmar *v = container_of(req->obj, struct vmar, base);
    zx_info_vmar_t info = {.base = v->start, .len = v->size}; /* fixed when the VMAR is made */
    return info_single_record(req, &info, sizeof info);
}
INFO_TOPIC(ZX_INFO_VMAR, ZX_OBJ_TYPE_VMAR, ZX_RIGHT_INSPECT, vmar_info);

/* A list of records gathered in passes: each pass fills out[0..max) with the records after the
   first skip, returns how many it wrote and sets *total to how many there are, or fails
   (ZX_ERR_BAD_STATE). */
struct gather {
    size_t skip, max, index, written; /* index counts the records seen in this pass */
    void *out;
};

typedef zx_status_t (*gather_fn)(struct process *p, struct vmar *root, struct gather *g);

/* Run passes until the buffer is full or the list ends, copying each pass out; then actual and
   avail. */
static zx_status_t multi_records(const struct info_request *req, size_t record_size, gather_fn fn)
{
    struct process *p = container_of(req->obj, struct process, base);
    hal_lock_acquire(&p->lock); /* the provider clears p->space under it (vm/process_space.c) */
    struct vmar *root = p->space;
    if (root)
        kobject_ref(&root->base);
    hal_lock_release(&p->lock);
    if (!root)
        return ZX_ERR_BAD_STATE;
    union {
        zx_info_maps_t maps[CHUNK];
        zx_info_vmo_t vmos[CHUNK];
    } chunk;
    size_t room = req->buffer_size / record_size, actual = 0, avail = 0;
    zx_status_t status = ZX_OK;
    for (;;) {
        struct gather g = {actual, room - actual < CHUNK ? room - actual : CHUNK, 0, 0, &chunk};
        if ((status = fn(p, root, &g)) != ZX_OK)
            break;
        avail = g.index;
        if (g.written && user_copy_out(req->buffer + actual * record_size, &chunk,
                                       g.written * record_size) != ZX_OK) {
            status = ZX_ERR_INVALID_ARGS;
            break;
        }
        actual += g.written;
        if (g.written < CHUNK || actual == room)
            break;
    }
    kobject_unref(&root->base);
    if (status != ZX_OK)
        return status;
    if (avail < actual) /* the list shrank between passes */
        avail = actual;
    if (req->actual && user_copy_out(req->actual, &actual, sizeof actual) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    if (req->avail && user_copy_out(req->avail, &avail, sizeof avail) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    return ZX_OK;
}

/* The next record of a pass, or NULL if it is outside the window of this pass. */
static void *next_slot(struct gather *g, size_t record_size)
{
    size_t i = g->index++;
    if (i < g->skip || g->written == g->max)
        return NULL;
    return (uint8_t *)g->out + g->written++ * record_size;
}

static void map_record(zx_info_maps_t *r, size_t depth, vaddr_t base, size_t size,
                       zx_info_maps_type_t type, struct kobject *named)
{
    *r = (zx_info_maps_t){.base = base, .size = size, .depth = depth, .type = type};
    if (named)
        kobject_get_name(named, r->name);
}

static void visit_map(const struct vmar_node *n, void *arg)
{
    zx_info_maps_t *r = next_slot(arg, sizeof *r);
    if (!r)
        return;
    if (n->vmar) {
        map_record(r, n->depth + 1, n->base, n->size, ZX_INFO_MAPS_TYPE_VMAR, &n->vmar->base);
        return;
    }
    struct vm_mapping *m = n->mapping;
    map_record(r, n->depth + 1, n->base, n->size, ZX_INFO_MAPS_TYPE_MAPPING, &m->vmo->base);
    r->u.mapping = (zx_info_maps_mapping_t){
        .mmu_flags = m->perms & ZX_VM_PERMS,
        .vmo_koid = m->vmo->base.koid,
        .vmo_offset = m->vmo_offset,
        .committed_pages = vmo_committed_pages(m->vmo, m->vmo_offset, m->size),
    };
}

static zx_status_t gather_maps(struct process *p, struct vmar *root, struct gather *g)
{
    zx_info_maps_t *r = next_slot(g, sizeof *r);
    if (r)
        map_record(r, 0, root->start, root->size, ZX_INFO_MAPS_TYPE_ASPACE, &p->base);
    if ((r = next_slot(g, sizeof *r))) {
        map_record(r, 1, root->start, root->size, ZX_INFO_MAPS_TYPE_VMAR, NULL);
        memcpy(r->name, "root", sizeof "root");
    }
    return vmar_walk(root, visit_map, g);
}

static zx_status_t process_maps(const struct info_request *req)
{
    return multi_records(req, sizeof(zx_info_maps_t), gather_maps);
}
INFO_TOPIC(ZX_INFO_PROCESS_MAPS, ZX_OBJ_TYPE_PROCESS, ZX_RIGHT_INSPECT, process_maps);

struct vmo_gather {
    struct gather g; /* first */
    size_t record_size;
};

static void visit_vmo(const struct vmar_node *n, void *arg)
{
    struct vmo_gather *vg = arg;
    if (!n->mapping)
        return;
    zx_info_vmo_t record, *r = next_slot(&vg->g, vg->record_size);
    if (r) { /* a slot may be a shorter first-version record: fill a whole one, keep its prefix */
        vmo_record(n->mapping->vmo, ZX_INFO_VMO_VIA_MAPPING, 0, &record);
        memcpy(r, &record, vg->record_size);
    }
}

static void visit_vmo_handle(const struct handle *h, void *arg)
{
    struct vmo_gather *vg = arg;
    if (h->obj->type != &vmo_type)
        return;
    zx_info_vmo_t record, *r = next_slot(&vg->g, vg->record_size);
    if (r) {
        struct vmo *vmo = container_of(h->obj, struct vmo, base);
        vmo_record(vmo, ZX_INFO_VMO_VIA_HANDLE, h->rights, &record);
        memcpy(r, &record, vg->record_size);
    }
}

static zx_status_t gather_vmos(struct process *p, struct vmar *root, struct gather *g,
                               size_t record_size)
{
    struct vmo_gather vg = {*g, record_size};
    zx_status_t status = vmar_walk(root, visit_vmo, &vg);
    if (status == ZX_OK) /* then the handles */
        status = process_for_each_handle(p, visit_vmo_handle, &vg);
    *g = vg.g;
    return status;
}

static zx_status_t gather_vmos_v2(struct process *p, struct vmar *root, struct gather *g)
{
    return gather_vmos(p, root, g, sizeof(zx_info_vmo_t));
}

static zx_status_t gather_vmos_v1(struct process *p, struct vmar *root, struct gather *g)
{
    return gather_vmos(p, root, g, sizeof(zx_info_vmo_v1_t));
}

static zx_status_t process_vmos(const struct info_request *req)
{
    return multi_records(req, sizeof(zx_info_vmo_t), gather_vmos_v2);
}
INFO_TOPIC(ZX_INFO_PROCESS_VMOS, ZX_OBJ_TYPE_PROCESS, ZX_RIGHT_INSPECT, process_vmos);

static zx_status_t process_vmos_v1(const struct info_request *req)
{
    return multi_records(req, sizeof(zx_info_vmo_v1_t), gather_vmos_v1);
}
INFO_TOPIC(ZX_INFO_PROCESS_VMOS_V1, ZX_OBJ_TYPE_PROCESS, ZX_RIGHT_INSPECT, process_vmos_v1);
