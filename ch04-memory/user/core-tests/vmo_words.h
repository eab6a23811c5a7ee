/*: # VMOs a word at a time, for the tests

Most VMO tests make a VMO, store a 64-bit word somewhere in it, read one back and ask its size, or
map it into this process to do the same with plain loads and stores; these helpers say so in one
call each. Those that must succeed record a failure in the current test (zxtest.h) and return a
value no test expects, so a broken call cannot pass unnoticed. */
#ifndef ZINC_VMO_WORDS_H
#define ZINC_VMO_WORDS_H

#include "zircon/syscalls.h"

/* A new VMO, or ZX_HANDLE_INVALID after a recorded failure. */
zx_handle_t vmo_new(uint64_t size, uint32_t options);

/* The VMO's size; 0xdeadbeef after a recorded failure. */
uint64_t vmo_size_of(zx_handle_t h);

/* Store value at offset: the status of zx_vmo_write, for tests that expect it to fail. */
zx_status_t vmo_put(zx_handle_t h, uint64_t offset, uint64_t value);

/* The word at offset; 0xbadbadbad after a recorded failure. */
uint64_t vmo_get(zx_handle_t h, uint64_t offset);

/* Map size bytes of vmo with perms somewhere in this process's root VMAR; NULL after a recorded
   failure. */
volatile uint64_t *map_here(zx_handle_t vmo, uint32_t perms, uint64_t size);

/* Take the mapping of size bytes at p away again. */
void unmap_here(volatile uint64_t *p, uint64_t size);

#endif
