/*: # Formatting numbers and strings

`kvsnprintf` walks the format once. Each conversion becomes a digit string built backwards in a
small buffer, then padded to the field width; `emit` drops characters that do not fit, but keeps
counting, which gives `snprintf`'s return value for free. It depends on nothing but its arguments,
so chapter 3's user library compiles this same file for Zircon programs' `printf`. */
#include "format.h"

#include <stdbool.h>
#include <stdint.h>

struct out {
    char *buf;
    size_t size, len;
};

static void emit(struct out *o, char c)
{
    if (o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

static void emit_padded(struct out *o, const char *s, size_t n, int width, bool left, char pad)
{
    int fill = width > (int)n ? width - (int)n : 0;
    if (!left)
        while (fill-- > 0)
            emit(o, pad);
    for (size_t i = 0; i < n; i++)
        emit(o, s[i]);
    if (left)
        while (fill-- > 0)
            emit(o, ' ');
}

/* Digits of v in base, most significant first, into the end of tmp; returns where they start. */
static char *digits(char *end, uint64_t v, unsigned base, bool upper)
{
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char *p = end;
    do {
        *--p = set[v % base];
        v /= base;
    } while (v);
    return p;
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct out o = {buf, size, 0};
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            emit(&o, *fmt);
            continue;
        }
        fmt++;
        bool left = false;
        char pad = ' ';
        for (; *fmt == '-' || *fmt == '0'; fmt++) {
            if (*fmt == '-')
                left = true;
            else
                pad = '0';
        }
        int width = 0;
        for (; *fmt >= '0' && *fmt <= '9'; fmt++)
            width = width * 10 + (*fmt - '0');
        int longs = 0;
        for (; *fmt == 'l' || *fmt == 'z'; fmt++)
            longs = *fmt == 'z' ? 1 : longs + 1;

        char tmp[24], *end = tmp + sizeof tmp, *s;
        uint64_t u;
        switch (*fmt) {
        case 'd':
        case 'i': {
            int64_t v = longs ? va_arg(ap, int64_t) : va_arg(ap, int);
            s = digits(end, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, false);
            if (v < 0) {
                if (pad == '0') {
                    emit(&o, '-');
                    width--;
                } else {
                    *--s = '-';
                }
            }
            emit_padded(&o, s, end - s, width, left, pad);
            break;
        }
        case 'u':
        case 'x':
        case 'X':
            u = longs ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);
            s = digits(end, u, *fmt == 'u' ? 10 : 16, *fmt == 'X');
            emit_padded(&o, s, end - s, width, left, pad);
            break;
        case 'p':
            s = digits(end, (uintptr_t)va_arg(ap, void *), 16, false);
            *--s = 'x';
            *--s = '0';
            emit_padded(&o, s, end - s, width, left, pad);
            break;
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (!str)
                str = "(null)";
            size_t n = 0;
            while (str[n])
                n++;
            emit_padded(&o, str, n, width, left, ' ');
            break;
        }
        case 'c':
            tmp[0] = (char)va_arg(ap, int);
            emit_padded(&o, tmp, 1, width, left, ' ');
            break;
        case '%':
            emit(&o, '%');
            break;
        default: /* an unknown conversion is printed as it stands, so the mistake shows */
            emit(&o, '%');
            if (!*fmt)
                goto done;
            emit(&o, *fmt);
        }
    }
done:
    if (size)
        buf[o.len < size ? o.len : size - 1] = '\0';
    return (int)o.len;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
