/*: # VMOs a word at a time, implemented */
#include "vmo_words.h"

#include "zircon/process.h"
#include "zircon/vmar.h"
#include "zircon/vmo.h"
#include "zxtest.h"

zx_handle_t vmo_new(uint64_t size, uint32_t options)
{
    zx_handle_t h = ZX_HANDLE_INVALID;
    EXPECT_OK(zx_vmo_create(size, options, &h));
    return h;
}

uint64_t vmo_size_of(zx_handle_t h)
{
    uint64_t size = 0xdeadbeef;
    EXPECT_OK(zx_vmo_get_size(h, &size));
    return size;
}

zx_status_t vmo_put(zx_handle_t h, uint64_t offset, uint64_t value)
{
    return zx_vmo_write(h, &value, offset, sizeof value);
}

uint64_t vmo_get(zx_handle_t h, uint64_t offset)
{
    uint64_t value = 0xbadbadbad;
    EXPECT_OK(zx_vmo_read(h, &value, offset, sizeof value));
    return value;
}

volatile uint64_t *map_here(zx_handle_t vmo, uint32_t perms, uint64_t size)
{
    uintptr_t addr = 0;
    EXPECT_OK(zx_vmar_map(zx_vmar_root_self(), perms, 0, vmo, 0, size, &addr));
    return (volatile uint64_t *)addr;
}

void unmap_here(volatile uint64_t *p, uint64_t size)
{
    EXPECT_OK(zx_vmar_unmap(zx_vmar_root_self(), (uintptr_t)p, size));
}
