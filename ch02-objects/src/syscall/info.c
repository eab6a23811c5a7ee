/*: # object_get_info, and the handle topics

The system call finds the registered topic, looks the handle up with the type and rights the topic
asks for (any object and any rights will do for `ZX_INFO_HANDLE_VALID` and `ZX_INFO_HANDLE_BASIC`;
`ZX_INFO_HANDLE_COUNT` needs `ZX_RIGHT_INSPECT`), and lets it answer; a topic no one registered is
`ZX_ERR_NOT_SUPPORTED`, once the handle is known to be good.
`ZX_INFO_HANDLE_VALID` is the one topic that needs no buffer: the answer is the status itself. */
#include "syscall/info.h"

#include "syscall/caller.h"
#include "syscall/sys.h"
#include "zircon/object_info.h"

zx_status_t info_single_record(const struct info_request *req, const void *record, size_t size)
{
    size_t actual = 0, avail = 1;
    if (req->buffer_size >= size) {
        if (user_copy_out(req->buffer, record, size) != ZX_OK)
            return ZX_ERR_INVALID_ARGS;
        actual = 1;
    }
    if (req->actual && user_copy_out(req->actual, &actual, sizeof actual) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    if (req->avail && user_copy_out(req->avail, &avail, sizeof avail) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    return actual ? ZX_OK : ZX_ERR_BUFFER_TOO_SMALL;
}

zx_status_t sys_object_get_info(zx_handle_t handle, uint32_t topic, uaddr_t buffer,
                                size_t buffer_size, uaddr_t actual, uaddr_t avail)
{
    struct info_request req = {handle, NULL, 0, buffer, buffer_size, actual, avail};
    const struct info_topic *found = NULL;
    TABLE_FOREACH(struct info_topic, info_topics, t)
    {
        if (t->topic == topic)
            found = t;
    }
    zx_status_t status = caller_handle_get(handle, found ? found->type : ZX_OBJ_TYPE_NONE,
                                           found ? found->need : 0, &req.obj, &req.rights);
    if (status != ZX_OK)
        return status;
    status = found ? found->answer(&req) : ZX_ERR_NOT_SUPPORTED;
    kobject_unref(req.obj);
    return status;
}

static zx_status_t handle_valid(const struct info_request *req)
{
    return ZX_OK; /* the lookup succeeded */
}
INFO_TOPIC(ZX_INFO_HANDLE_VALID, ZX_OBJ_TYPE_NONE, 0, handle_valid);

static zx_status_t handle_basic(const struct info_request *req)
{
    zx_info_handle_basic_t info = {
        .koid = req->obj->koid,
        .rights = req->rights,
        .type = req->obj->type->type,
        .related_koid = kobject_related_koid(req->obj),
    };
    return info_single_record(req, &info, sizeof info);
}
INFO_TOPIC(ZX_INFO_HANDLE_BASIC, ZX_OBJ_TYPE_NONE, 0, handle_basic);

static zx_status_t handle_count(const struct info_request *req)
{
    zx_info_handle_count_t info = {.handle_count =
                                       __atomic_load_n(&req->obj->handles, __ATOMIC_RELAXED)};
    return info_single_record(req, &info, sizeof info);
}
INFO_TOPIC(ZX_INFO_HANDLE_COUNT, ZX_OBJ_TYPE_NONE, ZX_RIGHT_INSPECT, handle_count);
