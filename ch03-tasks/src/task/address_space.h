/*: # Room for a richer address space

A process's memory in this chapter is chapter 1's `struct uspace`: a page table, and the regions the
ELF loader and the stack put in it. Chapter 4 adds VMARs on top, whose pages are filled lazily by
page faults. So that chapter 4 can add them without editing this chapter, a later chapter may
register one *address-space provider* with `ADDRESS_SPACE_PROVIDER`; the process code calls it at
the points where an address space needs a say:

- `attach` when a process is made (it keeps what it makes in `p->space`), `detach` when it dies;
- `fault` when a thread of the process faults, or a system call copies from a page not yet in the
  page table: ZX_OK means the page is now there and the access can be retried, anything else is an
  exception;
- `root` for `process_create`, which returns a handle to the root of the address space, and for
  userboot's start-up message, which passes one to the first process (`PA_VMAR_ROOT`);
- `load`, if the provider has one, to put a program and its stack into the address space its own way
  (through the same ELF loader, task/elf.h), instead of straight into the page table.

With no provider, faults are exceptions, `process_create` returns no address-space handle, and
programs are loaded into chapter 1's `struct uspace`. */
#ifndef ZINC_ADDRESS_SPACE_H
#define ZINC_ADDRESS_SPACE_H

#include "kernel/table.h"
#include "task/task.h"

struct address_space_provider {
    zx_status_t (*attach)(struct process *p);
    void (*detach)(struct process *p);
    zx_status_t (*fault)(struct process *p, vaddr_t va, unsigned access);
    struct kobject *(*root)(struct process *p, zx_rights_t *rights); /* a new reference, or NULL */
    /* The program file[0..size) and a stack: *entry and *stack (its top) to start the first
       thread. */
    zx_status_t (*load)(struct process *p, const uint8_t *file, size_t size, vaddr_t *entry,
                        vaddr_t *stack);
};

TABLE_DECLARE(struct address_space_provider, address_spaces);
#define ADDRESS_SPACE_PROVIDER(ops_)                                                               \
    static const struct address_space_provider address_space_##ops_ TABLE_ENTRY(address_spaces) =  \
        ops_##_init

/* The registered provider, or NULL. */
const struct address_space_provider *address_space_provider(void);

/* The page fault path of a thread of p: the provider's fault, or ZX_ERR_NOT_FOUND without one. */
zx_status_t address_space_fault(struct process *p, vaddr_t va, unsigned access);

#endif
