/*: # The Zircon ABI: what object_get_info says about memory

The records of the memory topics of `object_get_info`: a VMO (`ZX_INFO_VMO`, and one per VMO a
process uses in `ZX_INFO_PROCESS_VMOS`), a VMAR's range (`ZX_INFO_VMAR`), and the nodes of a
process's address space tree (`ZX_INFO_PROCESS_MAPS`). Layouts, flags and numbers are Fuchsia's,
padding included, so that a record a program reads has its fields where Fuchsia's headers put them.
`zx_info_vmo_v1_t` is the first version of the VMO record, which the `_V1` topics return: the
current one extends it. */
#ifndef ZIRCON_VM_INFO_H
#define ZIRCON_VM_INFO_H

#include "zircon/types.h"
#include "zircon/vmar.h"

typedef uintptr_t zx_vaddr_t;
typedef uintptr_t zx_paddr_t;

typedef struct zx_info_vmar {
    uintptr_t base; /* the region's first address */
    size_t len;     /* its length in bytes */
} zx_info_vmar_t;

/* ZX_INFO_VMO flags. Bit 0 is the type: set for a paged VMO, clear for a physical one. */
#define ZX_INFO_VMO_TYPE_PAGED (1u << 0)
#define ZX_INFO_VMO_TYPE_PHYSICAL (0u << 0)
#define ZX_INFO_VMO_TYPE(flags) ((flags) & (1u << 0))
#define ZX_INFO_VMO_RESIZABLE (1u << 1)
#define ZX_INFO_VMO_IS_COW_CLONE (1u << 2)  /* a snapshot child */
#define ZX_INFO_VMO_VIA_HANDLE (1u << 3)    /* PROCESS_VMOS: the process holds a handle to it */
#define ZX_INFO_VMO_VIA_MAPPING (1u << 4)   /* PROCESS_VMOS: the process maps it */
#define ZX_INFO_VMO_PAGER_BACKED (1u << 5)
#define ZX_INFO_VMO_CONTIGUOUS (1u << 6)

#define ZX_CACHE_POLICY_CACHED 0u
#define ZX_CACHE_POLICY_UNCACHED 1u

typedef struct zx_info_vmo {
    zx_koid_t koid;
    char name[ZX_MAX_NAME_LEN];
    uint64_t size_bytes;
    zx_koid_t parent_koid; /* a child's parent, else 0 */
    size_t num_children;
    size_t num_mappings;   /* mappings of it in any VMAR */
    size_t share_count;    /* how many address spaces map it */
    uint32_t flags;        /* ZX_INFO_VMO_* */
    uint8_t padding1[4];
    uint64_t committed_bytes; /* memory it holds (a paged VMO only) */
    zx_rights_t handle_rights; /* with ZX_INFO_VMO_VIA_HANDLE: the handle's rights */
    uint32_t cache_policy;     /* ZX_CACHE_POLICY_* */
    uint64_t metadata_bytes;
    uint64_t committed_change_events;
} zx_info_vmo_t;

typedef struct zx_info_vmo_v1 {
    zx_koid_t koid;
    char name[ZX_MAX_NAME_LEN];
    uint64_t size_bytes;
    zx_koid_t parent_koid;
    size_t num_children;
    size_t num_mappings;
    size_t share_count;
    uint32_t flags;
    uint8_t padding1[4];
    uint64_t committed_bytes;
    zx_rights_t handle_rights;
    uint32_t cache_policy;
} zx_info_vmo_v1_t;

/* ZX_INFO_PROCESS_MAPS: the address space (depth 0), its root VMAR (1), and below them child VMARs
   and mappings, in depth-first pre-order, so in ascending address order. */
typedef uint32_t zx_info_maps_type_t;
#define ZX_INFO_MAPS_TYPE_NONE ((zx_info_maps_type_t)0u)
#define ZX_INFO_MAPS_TYPE_ASPACE ((zx_info_maps_type_t)1u)
#define ZX_INFO_MAPS_TYPE_VMAR ((zx_info_maps_type_t)2u)
#define ZX_INFO_MAPS_TYPE_MAPPING ((zx_info_maps_type_t)3u)

typedef struct zx_info_maps_mapping {
    zx_vm_option_t mmu_flags; /* ZX_VM_PERM_* */
    uint8_t padding1[4];
    zx_koid_t vmo_koid;
    uint64_t vmo_offset;
    size_t committed_pages; /* pages of the mapped range whose memory the VMO owns */
} zx_info_maps_mapping_t;

typedef struct zx_info_maps {
    char name[ZX_MAX_NAME_LEN];
    zx_vaddr_t base;
    size_t size;
    size_t depth;
    zx_info_maps_type_t type;
    uint8_t padding1[4];
    union {
        zx_info_maps_mapping_t mapping;
    } u;
} zx_info_maps_t;

#endif
