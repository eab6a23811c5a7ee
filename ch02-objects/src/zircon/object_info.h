/*: # The Zircon ABI: object information and properties

`object_get_info` answers questions about a handle or its object; each kind of question is a *topic*
with a record layout of its own. Some topics have versions, numbered in the top four bits
(`ZX_INFO_TOPIC`): a later version's record extends the earlier one's. `object_get_property` and
`object_set_property` read and write a few named attributes, the object's name above all. Numbers
and layouts are Fuchsia's. */
#ifndef ZIRCON_OBJECT_INFO_H
#define ZIRCON_OBJECT_INFO_H

#include "zircon/types.h"

#define ZX_INFO_TOPIC(topic, version) ((uint32_t)((topic) | ((uint32_t)(version) << 28)))

#define ZX_INFO_HANDLE_VALID ((uint32_t)1u)
#define ZX_INFO_HANDLE_BASIC ((uint32_t)2u)
#define ZX_INFO_PROCESS ZX_INFO_TOPIC(3u, 1) /* version 0 (two bools) is gone from the reference */
#define ZX_INFO_PROCESS_THREADS ((uint32_t)4u)
#define ZX_INFO_VMAR ((uint32_t)7u)
#define ZX_INFO_JOB_CHILDREN ((uint32_t)8u)
#define ZX_INFO_JOB_PROCESSES ((uint32_t)9u)
#define ZX_INFO_THREAD ((uint32_t)10u)
#define ZX_INFO_THREAD_EXCEPTION_REPORT ((uint32_t)11u)
#define ZX_INFO_TASK_STATS ((uint32_t)12u)
#define ZX_INFO_PROCESS_MAPS ((uint32_t)13u)
#define ZX_INFO_PROCESS_VMOS_V1 ZX_INFO_TOPIC(14u, 0)
#define ZX_INFO_PROCESS_VMOS ZX_INFO_TOPIC(14u, 1)
#define ZX_INFO_HANDLE_COUNT ((uint32_t)19u)
#define ZX_INFO_JOB ((uint32_t)24u)
#define ZX_INFO_VMO_V1 ZX_INFO_TOPIC(23u, 0)
#define ZX_INFO_VMO ZX_INFO_TOPIC(23u, 1)

typedef struct zx_info_handle_basic {
    zx_koid_t koid;         /* the object's koid */
    zx_rights_t rights;     /* this handle's rights */
    zx_obj_type_t type;     /* ZX_OBJ_TYPE_* */
    zx_koid_t related_koid; /* a pair's peer, a task's parent, or 0 */
    uint32_t reserved;
    uint8_t padding1[4];
} zx_info_handle_basic_t;

typedef struct zx_info_handle_count {
    uint32_t handle_count; /* how many handles refer to the object, in all processes */
} zx_info_handle_count_t;

#define ZX_PROP_NAME ((uint32_t)3u)

#endif
