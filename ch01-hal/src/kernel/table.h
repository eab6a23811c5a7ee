/*: # Tables built by the linker

How a later chapter adds to the kernel without editing an earlier file. A *table* is an array that
no source file writes out: each entry is a static variable placed in a section named after the
table, and the linker gathers every such variable from every object file into one run of memory,
bracketed by the symbols `__start_zinc_NAME` and `__stop_zinc_NAME`. Chapter 1 declares tables for
init steps, tests, benchmarks, boot programs and packed user programs; later chapters add
information topics, properties and address-space providers the same way. (System calls have a table
too, but a generated one.)

Entries are 8-byte aligned so that the array has no gaps on any target. (The address sanitizer
leaves variables in named sections alone, for this very reason.) */
#ifndef ZINC_TABLE_H
#define ZINC_TABLE_H

#define TABLE_ENTRY(name) __attribute__((used, section("zinc_" #name), aligned(8)))

#define TABLE_DECLARE(type, name)                                                                  \
    extern const type __start_zinc_##name[] __attribute__((weak));                                 \
    extern const type __stop_zinc_##name[] __attribute__((weak))

#define TABLE_FOREACH(type, name, it)                                                              \
    for (const type *it = __start_zinc_##name; it < __stop_zinc_##name; it++)

#define TABLE_COUNT(name) ((size_t)(__stop_zinc_##name - __start_zinc_##name))

#endif
