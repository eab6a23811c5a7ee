/*: # The Zircon ABI: types

These headers are shared by the kernel and by user programs: they are the contract between the two,
and their names and values are Fuchsia's, so that a Zircon programmer finds nothing surprising. A
handle is a 32-bit number that means something only inside one process; a koid ("kernel object id")
names an object everywhere and is never reused; times are signed nanoseconds. */
#ifndef ZIRCON_TYPES_H
#define ZIRCON_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t zx_status_t;
typedef uint32_t zx_handle_t;
typedef uint32_t zx_rights_t;
typedef uint32_t zx_signals_t;
typedef uint64_t zx_koid_t;
typedef uint32_t zx_obj_type_t;
typedef int64_t zx_time_t;     /* an instant on the monotonic clock, in ns */
typedef int64_t zx_duration_t; /* a length of time, in ns */

#define ZX_HANDLE_INVALID ((zx_handle_t)0)
/* every valid handle value has these bits set */
#define ZX_HANDLE_FIXED_BITS_MASK ((zx_handle_t)0x3)
#define ZX_KOID_INVALID ((zx_koid_t)0)
#define ZX_TIME_INFINITE INT64_MAX
#define ZX_MAX_NAME_LEN 32

/* Channel limits and options. */
#define ZX_CHANNEL_MAX_MSG_BYTES ((uint32_t)65536u)
#define ZX_CHANNEL_MAX_MSG_HANDLES ((uint32_t)64u)
#define ZX_CHANNEL_READ_MAY_DISCARD ((uint32_t)1u)

/* Object types, as ZX_INFO_HANDLE_BASIC reports them. */
#define ZX_OBJ_TYPE_NONE ((zx_obj_type_t)0)
#define ZX_OBJ_TYPE_PROCESS ((zx_obj_type_t)1)
#define ZX_OBJ_TYPE_THREAD ((zx_obj_type_t)2)
#define ZX_OBJ_TYPE_VMO ((zx_obj_type_t)3)
#define ZX_OBJ_TYPE_CHANNEL ((zx_obj_type_t)4)
#define ZX_OBJ_TYPE_EVENT ((zx_obj_type_t)5)
#define ZX_OBJ_TYPE_PORT ((zx_obj_type_t)6)
#define ZX_OBJ_TYPE_INTERRUPT ((zx_obj_type_t)9)
#define ZX_OBJ_TYPE_PCI_DEVICE ((zx_obj_type_t)11)
#define ZX_OBJ_TYPE_LOG ((zx_obj_type_t)12)
#define ZX_OBJ_TYPE_SOCKET ((zx_obj_type_t)14)
#define ZX_OBJ_TYPE_RESOURCE ((zx_obj_type_t)15)
#define ZX_OBJ_TYPE_EVENTPAIR ((zx_obj_type_t)16)
#define ZX_OBJ_TYPE_JOB ((zx_obj_type_t)17)
#define ZX_OBJ_TYPE_VMAR ((zx_obj_type_t)18)
#define ZX_OBJ_TYPE_FIFO ((zx_obj_type_t)19)
#define ZX_OBJ_TYPE_GUEST ((zx_obj_type_t)20)
#define ZX_OBJ_TYPE_VCPU ((zx_obj_type_t)21)
#define ZX_OBJ_TYPE_TIMER ((zx_obj_type_t)22)
#define ZX_OBJ_TYPE_IOMMU ((zx_obj_type_t)23)
#define ZX_OBJ_TYPE_BTI ((zx_obj_type_t)24)
#define ZX_OBJ_TYPE_PROFILE ((zx_obj_type_t)25)
#define ZX_OBJ_TYPE_PMT ((zx_obj_type_t)26)
#define ZX_OBJ_TYPE_SUSPEND_TOKEN ((zx_obj_type_t)27)
#define ZX_OBJ_TYPE_PAGER ((zx_obj_type_t)28)
#define ZX_OBJ_TYPE_EXCEPTION ((zx_obj_type_t)29)
#define ZX_OBJ_TYPE_CLOCK ((zx_obj_type_t)30)
#define ZX_OBJ_TYPE_STREAM ((zx_obj_type_t)31)

#endif
