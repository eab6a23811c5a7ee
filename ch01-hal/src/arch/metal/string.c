/*: # The C library functions the kernel uses, for bare metal

On LibOS the kernel calls the host's C library; on bare metal there is none, so here are the few
functions that kernel code calls, written plainly. (The compiler may also emit calls to `memcpy` and
`memset` on its own, for struct copies and initialisers, which is why these exact names are
needed.)

`memcpy` and `memset` are the only ones whose speed shows: every frame the kernel hands out is
zeroed, every freed one filled with a pattern (kernel/frame.c), and every byte between user and
kernel memory is copied, so a page fault or a fork spends most of its time in them. They move eight
bytes a step, four steps a turn, where the addresses allow it (both aligned alike), and single bytes
only at the ends; byte by byte, a page took 4,096 turns of the loop, which under QEMU's emulator was
most of the time of a page fault. The word type may alias anything, as the bytes it moves may belong
to objects of any type. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uint64_t __attribute__((may_alias)) word;
#define WORD sizeof(word)

void *memcpy(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    if ((uintptr_t)d % WORD == (uintptr_t)s % WORD) {
        for (; n && (uintptr_t)d % WORD; n--)
            *d++ = *s++;
        for (; n >= 4 * WORD; n -= 4 * WORD, d += 4 * WORD, s += 4 * WORD) {
            word *dw = (word *)d;
            const word *sw = (const word *)s;
            dw[0] = sw[0], dw[1] = sw[1], dw[2] = sw[2], dw[3] = sw[3];
        }
        for (; n >= WORD; n -= WORD, d += WORD, s += WORD)
            *(word *)d = *(const word *)s;
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    uint8_t *d = dst;
    const uint8_t *s = src;
    if (d < s || d >= s + n)
        return memcpy(dst, src, n); /* copying forwards cannot overwrite what is still to copy */
    while (n--)
        d[n] = s[n];
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    uint8_t *d = dst;
    word w = 0x0101010101010101ull * (uint8_t)c; /* the byte in each of the word's eight */
    for (; n && (uintptr_t)d % WORD; n--)
        *d++ = (uint8_t)c;
    for (; n >= 4 * WORD; n -= 4 * WORD, d += 4 * WORD) {
        word *dw = (word *)d;
        dw[0] = w, dw[1] = w, dw[2] = w, dw[3] = w;
    }
    for (; n >= WORD; n -= WORD, d += WORD)
        *(word *)d = w;
    while (n--)
        *d++ = (uint8_t)c;
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const uint8_t *p = a, *q = b;
    for (; n; n--, p++, q++)
        if (*p != *q)
            return *p - *q;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return (unsigned char)*a - (unsigned char)*b;
        if (!*a)
            return 0;
    }
    return 0;
}

int strcmp(const char *a, const char *b)
{
    return strncmp(a, b, SIZE_MAX);
}

size_t strcspn(const char *s, const char *reject)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (strchr(reject, s[n]))
            break;
    return n;
}

char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

char *strrchr(const char *s, int c)
{
    const char *last = NULL;
    do {
        if (*s == (char)c)
            last = s;
    } while (*s++);
    return (char *)last;
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    for (size_t i = 0; i < n; i++)
        if (p[i] == (unsigned char)c)
            return (void *)(p + i);
    return NULL;
}

char *strstr(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);
    for (; *haystack; haystack++)
        if (strncmp(haystack, needle, n) == 0)
            return (char *)haystack;
    return n ? NULL : (char *)haystack;
}
