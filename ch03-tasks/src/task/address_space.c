/*: # Room for a richer address space, implemented */
#include "task/address_space.h"

const struct address_space_provider *address_space_provider(void)
{
    return TABLE_COUNT(address_spaces) ? __start_zinc_address_spaces : NULL;
}

zx_status_t address_space_fault(struct process *p, vaddr_t va, unsigned access)
{
    const struct address_space_provider *asp = address_space_provider();
    return asp ? asp->fault(p, va, access) : ZX_ERR_NOT_FOUND;
}
