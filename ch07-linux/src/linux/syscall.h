/*: # Linux system calls: a table the linker builds

A Linux program asks for a call by number, in the register the architecture's Linux ABI names
(`rax` on x86_64, `a7` on riscv64), with up to six arguments in registers, and gets back one value:
the result, or a negative error number (`-ENOENT`). The numbers differ between the two
architectures (x86_64 keeps its historic list; riscv64 uses the newer generic one, which has no
`open`, only `openat`), so Zinc does not write them down: each file that serves a call registers it
by name with `LINUX_SYSCALL`, and the number comes from Linux's own header for the architecture the
kernel is built for (`<asm/unistd.h>`, from Debian's linux-libc-dev). A call that exists on one
architecture only is registered under `#ifdef __NR_name`.

At boot, linux/dispatch.c turns the table into an array indexed by number. A call nobody registered
answers `-ENOSYS`, which the C library takes as "not supported here", and is logged once per
number. */
#ifndef ZINC_LINUX_SYSCALL_H
#define ZINC_LINUX_SYSCALL_H

#include <asm/errno.h>
#include <asm/unistd.h>
#include <stdint.h>

#include "kernel/table.h"

/* A handler gets the six argument registers, and returns the result or -errno. It may also return
   the waiting outcomes of object/waiter.h (WAIT_RESTART, and in chapter 6 WAIT_PENDING), which
   Linux's error numbers never reach. */
typedef int64_t linux_syscall_fn(const uint64_t *arg);

struct linux_syscall {
    uint32_t nr;
    const char *name;
    linux_syscall_fn *call;
};

TABLE_DECLARE(struct linux_syscall, linux_syscalls);
#define LINUX_SYSCALL(name_, fn_)                                                                  \
    static const struct linux_syscall linux_syscall_##name_ TABLE_ENTRY(linux_syscalls) = {        \
        __NR_##name_, #name_, fn_}

/* Run call nr with the argument registers arg, on behalf of the current thread. */
int64_t linux_syscall_dispatch(uint64_t nr, const uint64_t arg[6]);

/* The name of call nr, for messages ("?" if Zinc does not serve it). */
const char *linux_syscall_name(uint64_t nr);

#endif
