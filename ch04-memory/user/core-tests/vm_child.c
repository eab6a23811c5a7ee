/*: # A child that touches memory: preparing, mapping, running

The helpers of vm_child.h. The mailbox holds two words: the address of the mapping, then the value a
"write" child stores there. */
#include "vm_child.h"
#include "zircon/process.h"
#include "zircon/task.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

zx_status_t vm_child_prepare(struct vm_child *c, const char *op)
{
    zx_handle_t theirs;
    zx_status_t status = zx_vmo_create(VM_CHILD_PAGE, 0, &c->mailbox);
    if (status == ZX_OK &&
        (status = zx_handle_duplicate(c->mailbox, ZX_RIGHT_SAME_RIGHTS, &theirs)) == ZX_OK) {
        const char *argv[] = {"vm-touch", op};
        status = zinc_launch_prepare(zx_job_default(), 2, argv, &theirs, 1, &c->l);
    }
    return status;
}

uintptr_t vm_child_map(struct vm_child *c, zx_handle_t vmo, uint32_t perms, uint64_t value)
{
    uint64_t word[2] = {0, value};
    EXPECT_OK(zx_vmar_map(c->l.vmar, perms, 0, vmo, 0, VM_CHILD_PAGE, (uintptr_t *)&word[0]));
    EXPECT_OK(zx_vmo_write(c->mailbox, word, 0, sizeof word));
    return (uintptr_t)word[0];
}

zx_status_t vm_child_start(struct vm_child *c, zx_handle_t *process)
{
    return zinc_launch_start(&c->l, process);
}

int64_t vm_child_run(struct vm_child *c)
{
    zx_handle_t process;
    int64_t code = -1;
    if (vm_child_start(c, &process) == ZX_OK) {
        EXPECT_OK(zinc_process_wait(process, &code));
        zx_handle_close(process);
    }
    return code;
}
