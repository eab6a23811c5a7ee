/*: # Tests of the ELF loader

The loader reads files that a user could have written, so these tests feed it files built by hand:
one good program, and copies of it with one thing wrong each. The good program has two segments, as
a C program has: code (read and execute) and data (read and write), whose `.bss` is longer than the
bytes in the file. The bytes of both are drawn at run time (`ktest_random`).

A wrong file must give the right status and nothing else. The bad files are built so that a loader
that forgets a check still reads only the test's own buffer and maps only user pages: the test then
fails, and the kernel goes on. */
#include "kernel/ktest.h"
#include "task/elf.h"
#include "task/elf_format.h"

#define TEXT_VA 0x20000000ul
#define DATA_VA 0x20010000ul
#define TEXT_OFFSET 0x1000u
#define TEXT_SIZE 64u
#define DATA_OFFSET 0x2000u
#define DATA_FILESZ 40u
#define DATA_MEMSZ 0x1800u /* the data segment's .bss runs into a second page */
#define FILE_SIZE (DATA_OFFSET + DATA_FILESZ)
#define JUNK_SIZE 0x40u /* bytes after the file's end, in the buffer: never to be loaded */

/* The buffer is bigger than any file in it, and zero after the junk, so that a loader reading past
   a file's end still reads this buffer. */
static uint8_t image[3 * PAGE_SIZE] __attribute__((aligned(8)));
static uint8_t text[TEXT_SIZE], data[DATA_FILESZ];

static struct elf_header *header(void)
{
    return (struct elf_header *)image;
}

static struct elf_segment *segment(int i)
{
    return (struct elf_segment *)(image + sizeof(struct elf_header)) + i;
}

/* Write the good program into image. */
static void build_good(void)
{
    memset(image, 0, sizeof image);
    for (unsigned i = 0; i < TEXT_SIZE; i += 8) {
        uint64_t r = ktest_random() + i;
        memcpy(text + i, &r, 8);
    }
    for (unsigned i = 0; i < DATA_FILESZ; i += 8) {
        uint64_t r = ktest_random() * 3 + i;
        memcpy(data + i, &r, 8);
    }
    *header() = (struct elf_header){
        .ident = {0x7f, 'E', 'L', 'F', 2 /* 64-bit */, 1 /* little-endian */, 1 /* version */},
        .type = 2 /* ET_EXEC */,
        .machine = HAL_ELF_MACHINE,
        .version = 1,
        .entry = TEXT_VA + 8,
        .phoff = sizeof(struct elf_header),
        .ehsize = sizeof(struct elf_header),
        .phentsize = sizeof(struct elf_segment),
        .phnum = 2,
    };
    *segment(0) = (struct elf_segment){PT_LOAD, PF_R | PF_X, TEXT_OFFSET, TEXT_VA,
                                       TEXT_VA, TEXT_SIZE,   TEXT_SIZE,   PAGE_SIZE};
    *segment(1) = (struct elf_segment){PT_LOAD, PF_R | PF_W, DATA_OFFSET, DATA_VA,
                                       DATA_VA, DATA_FILESZ, DATA_MEMSZ,  PAGE_SIZE};
    memcpy(image + TEXT_OFFSET, text, sizeof text);
    memcpy(image + DATA_OFFSET, data, sizeof data);
    memset(image + FILE_SIZE, 0xaa, JUNK_SIZE); /* a loader must not take these for .bss */
}

/* Load image[0..size) into a fresh address space, and throw the address space away. */
static zx_status_t try_load(size_t size)
{
    struct uspace us;
    if (uspace_create(&us))
        return ZX_ERR_NO_MEMORY;
    vaddr_t entry = 0;
    zx_status_t status = elf_load(&us, image, size, &entry);
    uspace_destroy(&us);
    return status;
}

KTEST(elf_rejects_foreign_files)
{
    build_good();
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_OK);
    /* too short for a header */
    KEXPECT_EQ(try_load(sizeof(struct elf_header) - 1), ZX_ERR_NOT_SUPPORTED);
    image[1] = 'e';
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_NOT_SUPPORTED); /* not ELF */
    build_good();
    header()->ident[4] = 1;
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_NOT_SUPPORTED); /* 32-bit */
    build_good();
    header()->ident[5] = 2;
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_NOT_SUPPORTED); /* big-endian */
    build_good();
    header()->type = 3;
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_NOT_SUPPORTED); /* ET_DYN: needs a dynamic loader */
    build_good();
    header()->machine = HAL_ELF_MACHINE == 62 ? 243 : 62;
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_NOT_SUPPORTED); /* another machine's program */
}

KTEST(elf_rejects_program_headers_outside_the_file)
{
    build_good();
    header()->phoff = FILE_SIZE + 2 * JUNK_SIZE; /* past the end */
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_INVALID_ARGS);
    build_good();
    /* the second entry runs past the end */
    header()->phoff = FILE_SIZE - sizeof(struct elf_segment);
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_INVALID_ARGS);
    build_good();
    header()->phentsize = 32; /* entries of another layout */
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_INVALID_ARGS);
    build_good();
    header()->phnum = 9; /* more than the loader takes; the extra entries are empty */
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_INVALID_ARGS);
}

/* The permissions of the page at va in us, or 0 if it is not mapped. */
static unsigned flags_at(struct uspace *us, vaddr_t va)
{
    paddr_t pa;
    unsigned flags;
    return hal_pt_query(us->pt, va, &pa, &flags) ? 0 : flags;
}

KTEST(elf_loads_segments_with_their_permissions)
{
    build_good();
    struct uspace us;
    KASSERT_EQ(uspace_create(&us), 0);
    vaddr_t entry = 0;
    KEXPECT_EQ(elf_load(&us, image, FILE_SIZE, &entry), ZX_OK);
    KEXPECT_EQ(entry, TEXT_VA + 8);

    uint8_t back[TEXT_SIZE];
    KEXPECT_EQ(uspace_read(&us, TEXT_VA, back, TEXT_SIZE), 0);
    KEXPECT_EQ(memcmp(back, text, TEXT_SIZE), 0);
    KEXPECT_EQ(uspace_read(&us, DATA_VA, back, DATA_FILESZ), 0);
    KEXPECT_EQ(memcmp(back, data, DATA_FILESZ), 0);
    int nonzero = 0;
    for (vaddr_t va = DATA_VA + DATA_FILESZ; va < DATA_VA + DATA_MEMSZ; va += sizeof back) {
        size_t n =
            DATA_VA + DATA_MEMSZ - va < sizeof back ? DATA_VA + DATA_MEMSZ - va : sizeof back;
        KEXPECT_EQ(uspace_read(&us, va, back, n), 0);
        for (size_t i = 0; i < n; i++)
            nonzero += back[i] != 0;
    }
    KEXPECT_EQ(nonzero, 0); /* .bss is zero, whatever follows the data in the file */

    unsigned rwxu = HAL_MMU_READ | HAL_MMU_WRITE | HAL_MMU_EXEC | HAL_MMU_USER;
    KEXPECT_EQ(flags_at(&us, TEXT_VA) & rwxu, HAL_MMU_READ | HAL_MMU_EXEC | HAL_MMU_USER);
    KEXPECT_EQ(flags_at(&us, DATA_VA) & rwxu, HAL_MMU_READ | HAL_MMU_WRITE | HAL_MMU_USER);
    KEXPECT_EQ(flags_at(&us, DATA_VA + PAGE_SIZE) & rwxu,
               HAL_MMU_READ | HAL_MMU_WRITE | HAL_MMU_USER);
    KEXPECT_EQ(flags_at(&us, DATA_VA + 2 * PAGE_SIZE), 0); /* nothing beyond memsz */
    uspace_destroy(&us);
}

KTEST(elf_rejects_segments_outside_file_or_user_space)
{
    build_good();
    segment(1)->filesz = DATA_FILESZ + 16;
    segment(1)->memsz = DATA_FILESZ; /* more in the file than in memory */
    KEXPECT_EQ(try_load(FILE_SIZE + 16), ZX_ERR_INVALID_ARGS);
    build_good();
    segment(1)->offset = FILE_SIZE + 2 * JUNK_SIZE; /* starts past the end of the file */
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_INVALID_ARGS);
    build_good();
    segment(1)->filesz = DATA_FILESZ + JUNK_SIZE; /* ends past the end of the file */
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_INVALID_ARGS);
    build_good();
    segment(1)->vaddr = HAL_USER_BASE - PAGE_SIZE; /* below user space */
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_INVALID_ARGS);
    build_good();
    segment(1)->vaddr = HAL_USER_END - PAGE_SIZE; /* runs past the end of user space */
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_INVALID_ARGS);
    build_good();
    segment(1)->vaddr = HAL_USER_END + PAGE_SIZE; /* starts past it: the end minus it wraps */
    KEXPECT_EQ(try_load(FILE_SIZE), ZX_ERR_INVALID_ARGS);
}
