/*: # The ELF format, as far as a loader needs it

The file header and the program headers of a 64-bit ELF file, and the few constants a loader of
static executables reads. The layouts are the ELF specification's; chapter 3's loader and its tests
share them, and chapter 7's Linux loader will too. */
#ifndef ZINC_ELF_FORMAT_H
#define ZINC_ELF_FORMAT_H

#include <stdint.h>

#define ET_EXEC 2 /* an executable: file type */
#define ET_DYN 3  /* a position-independent one (or a shared library) */
#define PT_LOAD 1 /* a segment to load: program header type */
#define PT_INTERP 3 /* the dynamic loader the program needs */
#define PT_NOTE 4   /* notes: who made the file, and for what */
#define PT_PHDR 6   /* where the program headers themselves are in memory */
#define PF_X 1    /* segment permissions */
#define PF_W 2
#define PF_R 4

struct elf_header {
    uint8_t ident[16]; /* "\x7fELF", class, byte order, version, ... */
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf_segment {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

#endif
