/*: # The Zircon ABI: a process's handles, counted by type

`ZX_INFO_PROCESS_HANDLE_STATS` answers, for a process, how many handles it holds to objects of
each type: entry `ZX_OBJ_TYPE_CHANNEL` of the record counts its channel handles, and so on. A
program that wants to show it closed everything it opened compares two of these records. Name,
number and layout are Fuchsia's. */
#ifndef ZIRCON_HANDLE_STATS_H
#define ZIRCON_HANDLE_STATS_H

#include "zircon/types.h"

#define ZX_INFO_PROCESS_HANDLE_STATS ((uint32_t)21u)
#define ZX_OBJ_TYPE_UPPER_BOUND 64

typedef struct zx_info_process_handle_stats {
    uint32_t handle_count[ZX_OBJ_TYPE_UPPER_BOUND];
} zx_info_process_handle_stats_t;

#endif
