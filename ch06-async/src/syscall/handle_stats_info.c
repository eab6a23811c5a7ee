/*: # A process's handles, counted by type

`ZX_INFO_PROCESS_HANDLE_STATS` needs `ZX_RIGHT_INSPECT` on a process handle. It goes through the
process's handles as chapter 4's `ZX_INFO_PROCESS_VMOS` does (`process_for_each_handle`), and a
process that is already dead has no table left (`ZX_ERR_BAD_STATE`). The stress program of this
chapter counts with it that 10,000 threads came and went and left no handle behind. */
#include "syscall/info.h"
#include "task/task.h"
#include "zircon/handle_stats.h"
#include "zircon/object_info.h"

static void count_handle(const struct handle *h, void *arg)
{
    zx_info_process_handle_stats_t *stats = arg;
    if (h->obj->type->type < ZX_OBJ_TYPE_UPPER_BOUND)
        stats->handle_count[h->obj->type->type]++;
}

static zx_status_t process_handle_stats(const struct info_request *req)
{
    zx_info_process_handle_stats_t stats = {0};
    struct process *p = container_of(req->obj, struct process, base);
    zx_status_t status = process_for_each_handle(p, count_handle, &stats);
    return status == ZX_OK ? info_single_record(req, &stats, sizeof stats) : status;
}
INFO_TOPIC(ZX_INFO_PROCESS_HANDLE_STATS, ZX_OBJ_TYPE_PROCESS, ZX_RIGHT_INSPECT,
           process_handle_stats);
