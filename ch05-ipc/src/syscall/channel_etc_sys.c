/*: # channel_write_etc and channel_read_etc

The same write and read as chapter 2's, with richer handle lists (syscall/handle_forms.h): the
writer says for each handle whether to move or duplicate it, what type it must be and which rights
to send; the reader learns each handle's type and rights with its value. Everything else (the
order of the checks, which handles a failed write consumes, a message that does not fit) is
chapter 2's code, through syscall/channel_msg.h. */
#include "object/channel.h"
#include "syscall/caller.h"
#include "syscall/handle_forms.h"
#include "syscall/sys.h"

zx_status_t sys_channel_write_etc(zx_handle_t handle, uint32_t options, uaddr_t bytes,
                                  uint32_t num_bytes, uaddr_t handles, uint32_t num_handles)
{
    struct handle_table *t = zx_caller_current()->handles;
    struct kobject *ch = NULL;
    zx_status_t status = ZX_ERR_INVALID_ARGS;
    if (options == 0)
        status = caller_handle_get(handle, ZX_OBJ_TYPE_CHANNEL, ZX_RIGHT_WRITE, &ch, NULL);
    struct handles_in in = handle_dispositions_in(handles, num_handles);
    struct message *m;
    status = channel_msg_in(t, ch, status, bytes, num_bytes, &in, &m);
    if (status == ZX_OK)
        status = channel_write(ch, m); /* takes m, even on failure */
    if (ch)
        kobject_unref(ch);
    return status;
}

zx_status_t sys_channel_read_etc(zx_handle_t handle, uint32_t options, uaddr_t bytes,
                                 uaddr_t handles, uint32_t num_bytes, uint32_t num_handles,
                                 uaddr_t actual_bytes, uaddr_t actual_handles)
{
    struct kobject *ch;
    zx_status_t status = caller_handle_get(handle, ZX_OBJ_TYPE_CHANNEL, ZX_RIGHT_READ, &ch, NULL);
    if (status != ZX_OK)
        return status;
    status = channel_read_into(ch, options, bytes, handles, num_bytes, num_handles, actual_bytes,
                               actual_handles, handle_info_out);
    kobject_unref(ch);
    return status;
}
