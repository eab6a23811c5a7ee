/*: # riscv64: the kernel's `<string.h>`

Bare metal has no C library, and the kernel is compiled without the system's headers (`-nostdinc`,
see tools/arch/riscv64.mk): only the compiler's own freestanding ones (`stdint.h`, `stddef.h`,
`stdbool.h`, `stdarg.h`) and this one, which declares what arch/metal/string.c defines. */
#ifndef ZINC_STRING_H
#define ZINC_STRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strncmp(const char *a, const char *b, size_t n);
int strcmp(const char *a, const char *b);
size_t strcspn(const char *s, const char *reject);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
void *memchr(const void *s, int c, size_t n);
char *strstr(const char *haystack, const char *needle);

#endif
