/*: # Loading an ELF program */
#ifndef ZINC_ELF_H
#define ZINC_ELF_H

#include "kernel/uspace.h"
#include "zircon/errors.h"
#include "zircon/types.h"

/* Load the static ELF executable file[0..size) into us; *entry receives its entry point. */
zx_status_t elf_load(struct uspace *us, const uint8_t *file, size_t size, vaddr_t *entry);

#endif
