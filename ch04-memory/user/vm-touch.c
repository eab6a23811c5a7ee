/*: # vm-touch: a child that uses memory its parent mapped for it

The VMAR, pager and info tests (core-tests/vmar.c, pager.c, vm_info.c) map VMOs into this program's
address space before it starts, then let it touch them. Its first extra start-up handle is a
*mailbox*, a VMO whose first word is the address to touch and whose second is a value:

    vm-touch read    exit with the 31 low bits of the word at the address
    vm-touch write   store the value at the address, exit with 0
    vm-touch copy    copy the word at the address into the mailbox's third word with
                     `zx_vmo_write`: the kernel's own copy must fault the page in

A fault is not caught: the test checks the return code of the kill. */
#include "zircon/process.h"
#include "zircon/syscalls.h"

int main(int argc, char **argv)
{
    zx_handle_t mailbox = zinc_startup_handle(0);
    uint64_t word[2];
    if (argc < 2 || zx_vmo_read(mailbox, word, 0, sizeof word) != ZX_OK)
        return 100;
    volatile uint64_t *addr = (volatile uint64_t *)(uintptr_t)word[0];
    switch (argv[1][0]) {
    case 'r':
        return (int)(*addr & 0x7fffffff);
    case 'w':
        *addr = word[1];
        return 0;
    case 'c':
        return zx_vmo_write(mailbox, (const void *)addr, 16, sizeof *addr) == ZX_OK ? 0 : 101;
    }
    return 102;
}
