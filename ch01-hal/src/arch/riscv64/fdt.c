/*: # riscv64: the device tree parser

A flattened device tree is three blocks behind a header: the *structure block*, a stream of 32-bit
tokens that walks the tree depth first; the *strings block*, which holds every property name once;
and the memory reservation block, which QEMU leaves empty. All numbers are big-endian.

| token            | followed by                                                                |
|------------------|----------------------------------------------------------------------------|
| `BEGIN_NODE` (1) | the node's name, NUL-terminated, padded to 4 bytes (the root's name is "") |
| `END_NODE` (2)   | nothing                                                                    |
| `PROP` (3)       | its length, its name's offset in the strings block, the value, padded to 4 |
| `NOP` (4)        | nothing                                                                    |
| `END` (9)        | nothing: the end of the block                                              |

The walk keeps the depth and the name of the current node under the root; that is all it needs to
recognise the three properties it looks for. The `reg` of `/memory` is a list of (address, size)
pairs of `#address-cells` and `#size-cells` 32-bit cells each, two properties of the root node that
come before its children. Every read checks that it stays inside the blob, so a damaged blob is an
error, not a fault. */
#include "fdt.h"

#include <string.h>

#define FDT_MAGIC 0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

struct fdt_header {
    uint32_t magic, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap, version,
        last_comp_version, boot_cpuid_phys, size_dt_strings, size_dt_struct;
};

static uint32_t be32(const void *p)
{
    const uint8_t *b = p;
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* A number of `cells` 32-bit cells. */
static uint64_t read_cells(const uint8_t *p, uint32_t cells)
{
    uint64_t v = 0;
    for (uint32_t i = 0; i < cells; i++)
        v = v << 32 | be32(p + 4 * i);
    return v;
}

struct walk {
    const uint8_t *p, *end;
};

static bool take(struct walk *w, size_t n, const uint8_t **out)
{
    n = (n + 3) & ~(size_t)3;
    if ((size_t)(w->end - w->p) < n)
        return false;
    *out = w->p;
    w->p += n;
    return true;
}

static bool starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int fdt_read(const void *fdt, struct fdt_facts *facts)
{
    const struct fdt_header *h = fdt;
    const uint8_t *base = fdt;
    if (be32(&h->magic) != FDT_MAGIC)
        return -1;
    uint32_t size = be32(&h->totalsize), strings = be32(&h->off_dt_strings);
    uint32_t strings_size = be32(&h->size_dt_strings);
    struct walk w = {base + be32(&h->off_dt_struct),
                     base + be32(&h->off_dt_struct) + be32(&h->size_dt_struct)};
    if (w.end > base + size || strings + strings_size > size)
        return -1;

    *facts = (struct fdt_facts){.bootargs = "", .blob_size = size};
    uint32_t address_cells = 2, size_cells = 1; /* the defaults the specification gives */
    const char *node = "";                      /* the current node's name, at depth 1 */
    int depth = 0;
    const uint8_t *t;
    while (take(&w, 4, &t)) {
        switch (be32(t)) {
        case FDT_BEGIN_NODE: {
            const uint8_t *name = w.p;
            size_t n = 0;
            while (name + n < w.end && name[n])
                n++;
            if (!take(&w, n + 1, &t))
                return -1;
            if (++depth == 2)
                node = (const char *)name;
            break;
        }
        case FDT_END_NODE:
            depth--;
            break;
        case FDT_PROP: {
            const uint8_t *hdr, *value;
            if (!take(&w, 8, &hdr))
                return -1;
            uint32_t len = be32(hdr), name_off = be32(hdr + 4);
            if (!take(&w, len, &value) || name_off >= strings_size)
                return -1;
            const char *name = (const char *)base + strings + name_off;
            if (depth == 1 && strcmp(name, "#address-cells") == 0 && len == 4)
                address_cells = be32(value);
            else if (depth == 1 && strcmp(name, "#size-cells") == 0 && len == 4)
                size_cells = be32(value);
            else if (depth == 2 && starts_with(node, "memory") && strcmp(name, "reg") == 0 &&
                     len >= 4 * (address_cells + size_cells) && !facts->mem_size) {
                facts->mem_base = read_cells(value, address_cells);
                facts->mem_size = read_cells(value + 4 * address_cells, size_cells);
            } else if (depth == 2 && strcmp(node, "chosen") == 0 && strcmp(name, "bootargs") == 0 &&
                       len > 0 && value[len - 1] == '\0')
                facts->bootargs = (const char *)value;
            else if (depth == 2 && strcmp(node, "cpus") == 0 &&
                     strcmp(name, "timebase-frequency") == 0 && (len == 4 || len == 8))
                facts->timebase_hz = read_cells(value, len / 4);
            break;
        }
        case FDT_NOP:
            break;
        case FDT_END:
            return facts->mem_size && facts->timebase_hz ? 0 : -1;
        default:
            return -1;
        }
    }
    return -1;
}
