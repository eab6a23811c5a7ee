/*: # channel_call, in two system calls

Fuchsia's vDSO makes `zx_channel_call` of two system calls: `channel_call_noretry` writes the
request and waits for the reply, and if the wait is interrupted (the thread is suspended, say, for
a debugger) it returns `ZX_ERR_INTERNAL_INTR_RETRY`; the library then calls
`channel_call_finish`, which waits again for the same reply, with the same deadline. The request
must not be written twice, which is why a plain restart of the system call would not do. In this
chapter nothing interrupts a wait but the death of the thread, which never returns to user mode:
so `_noretry` always finishes, and `_finish` finds no call to finish (`ZX_ERR_BAD_STATE`). The
split is the interface chapter 6 needs, where a waiting thread gives up its kernel stack.

The checks come in Zircon's order: options, the channel handle (it needs `READ` and `WRITE`), the
message (chapter 2's, syscall/channel_msg.h, which consumes the handles in every case), at least
a txid's worth of bytes. The reply must fit the caller's buffers, or it is dropped with its
handles and the call says `ZX_ERR_BUFFER_TOO_SMALL`; `actual_bytes` and `actual_handles` are
written in both cases, and are not optional. */
#include "kernel/kmalloc.h"
#include "object/channel_call.h"
#include "syscall/caller.h"
#include "syscall/deadline.h"
#include "syscall/handle_forms.h"
#include "syscall/sys.h"
#include "zircon/channel_call.h"

/* Both forms of the arguments, with the handle lists' forms spelt out. */
struct call_args {
    uaddr_t wr_bytes, rd_bytes;
    uint32_t wr_num_bytes, rd_num_bytes, rd_num_handles;
    struct handles_in in;
    uaddr_t rd_handles;
    handle_out_fn out;
};

/* Hand the reply out as the caller asked, or drop it. */
static zx_status_t give_reply(struct handle_table *t, struct message *reply,
                              const struct call_args *a, uaddr_t actual_bytes,
                              uaddr_t actual_handles)
{
    uint32_t nb = reply->num_bytes, nh = reply->num_handles;
    if (user_copy_out(actual_bytes, &nb, sizeof nb) != ZX_OK ||
        user_copy_out(actual_handles, &nh, sizeof nh) != ZX_OK) {
        message_destroy(reply);
        return ZX_ERR_INVALID_ARGS;
    }
    if (nb > a->rd_num_bytes || nh > a->rd_num_handles) {
        message_destroy(reply);
        return ZX_ERR_BUFFER_TOO_SMALL;
    }
    return channel_msg_out(t, reply, a->rd_bytes, a->rd_handles, a->out);
}

/* A call of a program while it waits: the kernel's call, and where its reply goes. */
struct user_call {
    struct channel_call c;
    struct handle_table *table;
    struct call_args a;
    uaddr_t actual_bytes, actual_handles;
};

/* The call's end: hand the reply out, and let go of the channel. */
static zx_status_t replied(struct channel_call *c, zx_status_t status, struct message *reply)
{
    struct user_call *u = container_of(c, struct user_call, c);
    kobject_unref(c->ch);
    if (status == ZX_OK)
        status = give_reply(u->table, reply, &u->a, u->actual_bytes, u->actual_handles);
    kfree(u);
    return status;
}

static zx_status_t call(zx_handle_t handle, uint32_t options, zx_time_t deadline,
                        const struct call_args *a, uaddr_t actual_bytes, uaddr_t actual_handles)
{
    struct handle_table *t = zx_caller_current()->handles;
    struct kobject *ch = NULL;
    zx_status_t status = ZX_ERR_INVALID_ARGS;
    if (options == 0)
        status = caller_handle_get(handle, ZX_OBJ_TYPE_CHANNEL, ZX_RIGHT_READ | ZX_RIGHT_WRITE,
                                   &ch, NULL);
    struct user_call *u = status == ZX_OK ? kzalloc(sizeof *u) : NULL;
    if (status == ZX_OK && !u)
        status = ZX_ERR_NO_MEMORY;
    struct message *request;
    status = channel_msg_in(t, ch, status, a->wr_bytes, a->wr_num_bytes, &a->in, &request);
    if (status == ZX_OK && a->wr_num_bytes < sizeof(zx_txid_t)) {
        message_destroy(request);
        status = ZX_ERR_INVALID_ARGS;
    }
    if (status != ZX_OK) {
        if (ch)
            kobject_unref(ch);
        kfree(u);
        return status;
    }
    *u = (struct user_call){.table = t, .a = *a, .actual_bytes = actual_bytes,
                            .actual_handles = actual_handles};
    return channel_call(&u->c, ch, t, handle, request, deadline_from_user(deadline), replied);
}

zx_status_t sys_channel_call_noretry(zx_handle_t handle, uint32_t options, zx_time_t deadline,
                                     uaddr_t args, uaddr_t actual_bytes, uaddr_t actual_handles)
{
    zx_channel_call_args_t u;
    if (user_copy_in(&u, args, sizeof u) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    struct call_args a = {
        .wr_bytes = (uaddr_t)u.wr_bytes, .rd_bytes = (uaddr_t)u.rd_bytes,
        .wr_num_bytes = u.wr_num_bytes, .rd_num_bytes = u.rd_num_bytes,
        .rd_num_handles = u.rd_num_handles,
        .in = handle_values_in((uaddr_t)u.wr_handles, u.wr_num_handles),
        .rd_handles = (uaddr_t)u.rd_handles, .out = handle_value_out,
    };
    return call(handle, options, deadline, &a, actual_bytes, actual_handles);
}

zx_status_t sys_channel_call_etc_noretry(zx_handle_t handle, uint32_t options, zx_time_t deadline,
                                         uaddr_t args, uaddr_t actual_bytes,
                                         uaddr_t actual_handles)
{
    zx_channel_call_etc_args_t u;
    if (user_copy_in(&u, args, sizeof u) != ZX_OK)
        return ZX_ERR_INVALID_ARGS;
    struct call_args a = {
        .wr_bytes = (uaddr_t)u.wr_bytes, .rd_bytes = (uaddr_t)u.rd_bytes,
        .wr_num_bytes = u.wr_num_bytes, .rd_num_bytes = u.rd_num_bytes,
        .rd_num_handles = u.rd_num_handles,
        .in = handle_dispositions_in((uaddr_t)u.wr_handles, u.wr_num_handles),
        .rd_handles = (uaddr_t)u.rd_handles, .out = handle_info_out,
    };
    return call(handle, options, deadline, &a, actual_bytes, actual_handles);
}

zx_status_t sys_channel_call_finish(zx_time_t deadline, uaddr_t args, uaddr_t actual_bytes,
                                    uaddr_t actual_handles)
{
    return ZX_ERR_BAD_STATE; /* no call of this thread was interrupted: see above */
}

zx_status_t sys_channel_call_etc_finish(zx_time_t deadline, uaddr_t args, uaddr_t actual_bytes,
                                        uaddr_t actual_handles)
{
    return ZX_ERR_BAD_STATE;
}
