/*: # A process's handles, counted by type

`ZX_INFO_PROCESS_HANDLE_STATS` needs `ZX_RIGHT_INSPECT` on a process handle. It reads the
process's handle table under the same locks as chapter 4's `ZX_INFO_PROCESS_VMOS` does: the
process's lock keeps it from dying while the table is read, and a process that is already dead
has no table left (`ZX_ERR_BAD_STATE`). The stress program of this chapter counts with it that
10,000 threads came and went and left no handle behind. */
#include "object/handle.h"
#include "syscall/info.h"
#include "task/task.h"
#include "zircon/handle_stats.h"
#include "zircon/object_info.h"

static zx_status_t count_handles(struct process *p, zx_info_process_handle_stats_t *stats)
{
    zx_status_t status = ZX_OK;
    hal_lock_acquire(&p->lock);
    if (p->state == PROCESS_DEAD)
        status = ZX_ERR_BAD_STATE;
    hal_lock_acquire(&p->handles.lock);
    for (uint32_t c = 0; status == ZX_OK && c < HANDLE_TABLE_CHUNKS; c++) {
        for (uint32_t i = 0; p->handles.chunk[c] && i < HANDLE_TABLE_CHUNK; i++) {
            const struct kobject *obj = p->handles.chunk[c][i].obj;
            if (obj && obj->type->type < ZX_OBJ_TYPE_UPPER_BOUND)
                stats->handle_count[obj->type->type]++;
        }
    }
    hal_lock_release(&p->handles.lock);
    hal_lock_release(&p->lock);
    return status;
}

static zx_status_t process_handle_stats(const struct info_request *req)
{
    zx_info_process_handle_stats_t stats = {0};
    zx_status_t status = count_handles(container_of(req->obj, struct process, base), &stats);
    return status == ZX_OK ? info_single_record(req, &stats, sizeof stats) : status;
}
INFO_TOPIC(ZX_INFO_PROCESS_HANDLE_STATS, ZX_OBJ_TYPE_PROCESS, ZX_RIGHT_INSPECT,
           process_handle_stats);
