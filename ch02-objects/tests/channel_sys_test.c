/*: # Tests of the channel system calls (ChannelTest) */
#include "kernel/ktest.h"
#include "sys_support.h"
#include "syscall/dispatch.h"
#include "zircon/object_info.h"

struct ends {
    zx_handle_t a, b;
};

static struct ends new_channel(struct sys_env *env)
{
    struct ends e = {0, 0};
    if (sys_channel_create(0, scratch(0), scratch(4)) == ZX_OK)
        e = (struct ends){scratch_u32(env, 0), scratch_u32(env, 4)};
    return e;
}

KTEST(channel_write_then_read_bytes)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    struct ends ch = new_channel(&env);
    uint64_t token = ktest_random();
    scratch_put(&env, 256, &token, sizeof token);
    KEXPECT_EQ(sys_channel_write(ch.a, 0, scratch(256), 8, 0, 0), ZX_OK);
    KEXPECT_EQ(sys_channel_read(ch.b, 0, scratch(512), 0, 64, 0, scratch(16), scratch(20)), ZX_OK);
    KEXPECT_EQ(scratch_u64(&env, 512), token);
    KEXPECT_EQ(scratch_u32(&env, 16), 8);
    KEXPECT_EQ(scratch_u32(&env, 20), 0);
    KEXPECT_EQ(sys_channel_read(ch.b, 0, scratch(512), 0, 64, 0, 0, 0), ZX_ERR_SHOULD_WAIT);
    sys_env_free(&env);
}

KTEST(channel_read_reports_sizes_when_buffer_is_small)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    struct ends ch = new_channel(&env);
    KEXPECT_EQ(sys_channel_write(ch.a, 0, scratch(256), 100, 0, 0), ZX_OK);
    KEXPECT_EQ(sys_channel_read(ch.b, 0, scratch(512), 0, 99, 0, scratch(16), scratch(20)),
               ZX_ERR_BUFFER_TOO_SMALL);
    KEXPECT_EQ(scratch_u32(&env, 16), 100);
    /* it stayed queued */
    KEXPECT_EQ(sys_channel_read(ch.b, 0, scratch(512), 0, 100, 0, 0, 0), ZX_OK);
    sys_env_free(&env);
}

KTEST(channel_moves_handles_between_tables)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    struct ends ch = new_channel(&env);
    KASSERT_EQ(sys_event_create(0, scratch(8)), ZX_OK);
    zx_handle_t ev = scratch_u32(&env, 8);
    KASSERT_EQ(sys_object_get_info(ev, ZX_INFO_HANDLE_BASIC, scratch(64), 32, 0, 0), ZX_OK);
    zx_koid_t koid = scratch_u64(&env, 64);
    KEXPECT_EQ(sys_channel_write(ch.a, 0, 0, 0, scratch(8), 1), ZX_OK);
    KEXPECT_EQ(sys_handle_close(ev), ZX_ERR_BAD_HANDLE); /* it left the writer */
    KEXPECT_EQ(sys_channel_read(ch.b, 0, 0, scratch(32), 0, 1, 0, scratch(20)), ZX_OK);
    KEXPECT_EQ(scratch_u32(&env, 20), 1);
    zx_handle_t arrived = scratch_u32(&env, 32);
    KASSERT_EQ(sys_object_get_info(arrived, ZX_INFO_HANDLE_BASIC, scratch(64), 32, 0, 0), ZX_OK);
    KEXPECT_EQ(scratch_u64(&env, 64), koid); /* the same event */
    KEXPECT_EQ(scratch_u32(&env, 64 + 8), ZX_RIGHTS_BASIC | ZX_RIGHT_SIGNAL);
    sys_env_free(&env);
}

KTEST(channel_write_consumes_handles_even_when_it_fails)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    struct ends ch = new_channel(&env);
    KASSERT_EQ(sys_event_create(0, scratch(8)), ZX_OK);
    zx_handle_t ev = scratch_u32(&env, 8);
    /* A channel cannot carry its own end. */
    zx_handle_t list[2] = {ev, ch.a};
    scratch_put(&env, 8, list, sizeof list);
    KEXPECT_EQ(sys_channel_write(ch.a, 0, 0, 0, scratch(8), 2), ZX_ERR_NOT_SUPPORTED);
    KEXPECT_EQ(sys_handle_close(ev), ZX_ERR_BAD_HANDLE);
    KEXPECT_EQ(sys_handle_close(ch.a), ZX_ERR_BAD_HANDLE);
    sys_env_free(&env);
}

KTEST(channel_write_checks_transfer_right_and_limits)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    struct ends ch = new_channel(&env);
    KASSERT_EQ(sys_event_create(0, scratch(8)), ZX_OK);
    KASSERT_EQ(sys_handle_replace(scratch_u32(&env, 8), ZX_RIGHT_WAIT, scratch(8)), ZX_OK);
    KEXPECT_EQ(sys_channel_write(ch.a, 0, 0, 0, scratch(8), 1), ZX_ERR_ACCESS_DENIED);
    KEXPECT_EQ(sys_channel_write(ch.a, 0, scratch(0), ZX_CHANNEL_MAX_MSG_BYTES + 1, 0, 0),
               ZX_ERR_OUT_OF_RANGE);
    /* A refused write closes the handles it names: these name none (zeros). */
    KEXPECT_EQ(sys_channel_write(ch.a, 0, 0, 0, scratch(1024), ZX_CHANNEL_MAX_MSG_HANDLES + 1),
               ZX_ERR_OUT_OF_RANGE);
    KEXPECT_EQ(sys_channel_write(ch.a, 0, UNMAPPED_VA, 16, 0, 0), ZX_ERR_INVALID_ARGS);
    KEXPECT_EQ(sys_channel_write(ch.a, 1, scratch(0), 4, 0, 0), ZX_ERR_INVALID_ARGS);
    /* nothing got through */
    KEXPECT_EQ(sys_channel_read(ch.b, 0, scratch(0), 0, 64, 0, 0, 0), ZX_ERR_SHOULD_WAIT);
    sys_env_free(&env);
}

KTEST(channel_peer_closed)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    struct ends ch = new_channel(&env);
    KEXPECT_EQ(sys_handle_close(ch.b), ZX_OK);
    KEXPECT_EQ(sys_object_wait_one(ch.a, ZX_CHANNEL_PEER_CLOSED, 0, scratch(8)), ZX_OK);
    KEXPECT_EQ(scratch_u32(&env, 8), ZX_CHANNEL_PEER_CLOSED);
    KEXPECT_EQ(sys_channel_write(ch.a, 0, scratch(0), 4, 0, 0), ZX_ERR_PEER_CLOSED);
    KEXPECT_EQ(sys_channel_read(ch.a, 0, scratch(0), 0, 4, 0, 0, 0), ZX_ERR_PEER_CLOSED);
    sys_env_free(&env);
}

KTEST(unknown_syscall_number_is_bad_syscall)
{
    uint64_t regs[6] = {0};
    KEXPECT_EQ(zx_syscall_dispatch(100000, regs), ZX_ERR_BAD_SYSCALL);
    KEXPECT_EQ(zx_syscall_dispatch(ZX_SYS_clock_get_monotonic, regs) > 0, 1);
}

KTEST(dispatch_reads_arguments_beyond_six_from_memory)
{
    struct sys_env env;
    KASSERT_EQ(sys_env_init(&env), 0);
    struct ends ch = new_channel(&env);
    KASSERT_EQ(sys_channel_write(ch.a, 0, scratch(256), 24, 0, 0), ZX_OK);
    /* channel_read has eight arguments: the sixth register points at the sixth to eighth. */
    uint64_t spilled[3] = {0, scratch(16), scratch(20)};
    scratch_put(&env, 1024, spilled, sizeof spilled);
    uint64_t regs[6] = {ch.b, 0, scratch(512), 0, 64, scratch(1024)};
    KEXPECT_EQ(zx_syscall_dispatch(ZX_SYS_channel_read, regs), ZX_OK);
    KEXPECT_EQ(scratch_u32(&env, 16), 24);
    regs[5] = UNMAPPED_VA;
    KEXPECT_EQ(zx_syscall_dispatch(ZX_SYS_channel_read, regs), ZX_ERR_INVALID_ARGS);
    sys_env_free(&env);
}
