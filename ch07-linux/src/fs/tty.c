/*: # The line discipline

Every character that arrives goes through `receive_one`, which does, in this order, what the
settings ask: the input translations of `c_iflag` (`ICRNL` turns the carriage return that Enter
sends into the newline programs expect); the signal characters of `ISIG`, which are not input but
a signal for the foreground group, and drop what was typed; in canonical mode, the editing
characters, which change the line being typed rather than add to it, and the characters that end
it; and last, for an ordinary character, echo and a place in the input.

The input is one ring of characters (fs/tty.h). In canonical mode it has two parts: finished lines
at its tail, which a read takes, never more than one line at a time; and the line being typed at
its head, which the editing characters shorten. A line ends with the character that ended it
(`\n`, or `VEOL`), which the reader gets, or with `^D`, stored as a `'\0'` marked as an end, which
the reader does not get: so `^D` after some characters hands them over without a newline, and
`^D` on an empty line makes a read return 0, the end of the file. A shell takes that for "log
out". In non-canonical mode every character is ready as it comes, and `VMIN` says how many a read
waits for: with `VMIN` 0 a read never waits. `VTIME`, a timer in tenths of a second, is read as
"wait for one character" (`VMIN` > 0) or "do not wait" (`VMIN` 0): Zinc's reads cannot yet wait
with a time limit, so a read that Linux would end after `VTIME` ends at once.

Echo writes what was typed back to the screen, with control characters shown as `^C` (`ECHOCTL`),
and erasing shows as backspace, space, backspace (`"\b \b"`), which wipes a character off a video
terminal. Output, echo included, goes through `put`, where `ONLCR` turns a newline into carriage
return and newline, unless the line's far end does that already (fs/console.c).

Not done: flow control (`IXON`'s `^S` and `^Q` are ordinary characters), `^V` (the next character
taken literally), `^R` (retype the line), and the exact erasing of a tab, which takes one column
back like any character. */
#include "fs/tty.h"

#include <asm/errno.h>
#include <linux/signal.h>
#include <string.h>

#include "object/event.h"

#define AT(i) ((i) % TTY_BUF) /* TTY_BUF is a power of two: the counters may wrap */
_Static_assert((TTY_BUF & (TTY_BUF - 1)) == 0, "the ring's size is a power of two");

#define IFLAG(t, f) ((t)->termios.c_iflag & (f))
#define OFLAG(t, f) ((t)->termios.c_oflag & (f))
#define LFLAG(t, f) ((t)->termios.c_lflag & (f))

/* Linux's defaults (its tty_std_termios): what a terminal is when nobody has changed it. */
static const struct termios linux_defaults = {
    .c_iflag = ICRNL | IXON,
    .c_oflag = OPOST | ONLCR,
    .c_cflag = B38400 | CS8 | CREAD | HUPCL,
    .c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
    .c_cc =
        {
            [VINTR] = 'C' - '@',
            [VQUIT] = '\\' - '@',
            [VERASE] = 0x7f,
            [VKILL] = 'U' - '@',
            [VEOF] = 'D' - '@',
            [VMIN] = 1,
            [VSTART] = 'Q' - '@',
            [VSTOP] = 'S' - '@',
            [VSUSP] = 'Z' - '@',
            [VREPRINT] = 'R' - '@',
            [VDISCARD] = 'O' - '@',
            [VWERASE] = 'W' - '@',
            [VLNEXT] = 'V' - '@',
        },
};

int tty_init(struct tty *tty, const struct tty_line *line)
{
    memset(tty, 0, sizeof *tty);
    if (event_create(&tty->readable) != ZX_OK)
        return -ENOMEM;
    tty->line = line;
    hal_lock_init(&tty->lock);
    tty->termios = linux_defaults;
    tty->size = (struct window_size){.rows = 24, .cols = 80};
    return 0;
}

/* Is c the special character v? A special character of 0 is switched off, as on Linux. */
static bool is_special(const struct tty *t, char c, int v)
{
    return t->termios.c_cc[v] && (cc_t)c == t->termios.c_cc[v];
}

/* Is the character at index i the end of a line? */
static bool is_end(const struct tty *t, uint32_t i)
{
    return t->is_end[AT(i) / 8] >> (AT(i) % 8) & 1;
}

/* Control characters that echo as two (^C) under ECHOCTL: all but tab and newline. */
static bool shows_as_caret(const struct tty *t, char c)
{
    return LFLAG(t, ECHOCTL) && (((unsigned char)c < ' ' && c != '\t' && c != '\n') || c == 0x7f);
}

/* Write to the screen, with the output translation. Under the lock. */
static void put(struct tty *t, const char *buf, size_t len)
{
    bool onlcr = OFLAG(t, OPOST) && OFLAG(t, ONLCR) && !t->line->far_end_adds_cr;
    size_t start = 0;
    for (size_t i = 0; onlcr && i < len; i++) {
        if (buf[i] != '\n')
            continue;
        if (i > start)
            t->line->write(t, buf + start, i - start);
        t->line->write(t, "\r\n", 2);
        start = i + 1;
    }
    if (start < len)
        t->line->write(t, buf + start, len - start);
}

static void echo(struct tty *t, char c)
{
    if (!LFLAG(t, ECHO)) {
        if (c == '\n' && LFLAG(t, ECHONL) && LFLAG(t, ICANON))
            put(t, "\n", 1);
    } else if (shows_as_caret(t, c)) {
        char caret[2] = {'^', (char)(c ^ 0x40)}; /* ^C for 0x03, ^? for 0x7f */
        put(t, caret, 2);
    } else {
        put(t, &c, 1);
    }
}

/* How many more characters the input takes. */
static uint32_t room(const struct tty *t)
{
    return TTY_BUF - (t->head - t->tail);
}

/* Drop the input not yet read. Under the lock. */
static void drop_input(struct tty *t)
{
    t->tail = t->line_end = t->head;
}

/* Add c to the input; end says whether it ends a line. */
static void store(struct tty *t, char c, bool end)
{
    uint32_t i = AT(t->head++);
    t->buf[i] = c;
    t->is_end[i / 8] = (uint8_t)((t->is_end[i / 8] & ~(1u << (i % 8))) | (unsigned)end << (i % 8));
}

static bool in_word(char c)
{
    char lower = (char)(c | 0x20);
    return (c >= '0' && c <= '9') || (lower >= 'a' && lower <= 'z') || c == '_';
}

enum erase {
    ERASE_CHAR,
    ERASE_WORD,
    ERASE_LINE
};

/* Take characters off the line being typed, wiping them off the screen. A word, as on Linux, is
   what ^W takes: the non-word characters before the cursor and then the word before them. */
static void erase(struct tty *t, enum erase what)
{
    /* LAB ch07-line-editing BEGIN: take characters off the end of the line being typed, never
       past line_end (where it begins), wiping each off the screen when ECHO and ECHOE are set
       ("\b \b", twice for a character echoed as two, ^X): one for ERASE_CHAR; all of them for
       ERASE_LINE; for ERASE_WORD, the non-word characters before the cursor, then the word
       before those. A kill (ERASE_LINE) under ECHO without both ECHOKE and ECHOE is the old way:
       drop the line, echo the kill character, and a newline if ECHOK is set.
       stub:
    while (t->head != t->line_end) {
        char c = t->buf[AT(--t->head)];
        if (LFLAG(t, ECHO) && LFLAG(t, ECHOE))
            put(t, "\b \b", 3);
        if (what != ERASE_WORD || !in_word(c))
            break;
    }
    */
    if (what == ERASE_LINE && LFLAG(t, ECHO) && !(LFLAG(t, ECHOKE) && LFLAG(t, ECHOE))) {
        t->head = t->line_end; /* the old way: show the kill character, and a newline */
        echo(t, (char)t->termios.c_cc[VKILL]);
        if (LFLAG(t, ECHOK))
            put(t, "\n", 1);
        return;
    }
    bool seen_word = false;
    while (t->head != t->line_end) {
        char c = t->buf[AT(t->head - 1)];
        if (what == ERASE_WORD && in_word(c))
            seen_word = true;
        else if (what == ERASE_WORD && seen_word)
            break;
        t->head--;
        for (int w = shows_as_caret(t, c) ? 2 : 1; LFLAG(t, ECHO) && LFLAG(t, ECHOE) && w > 0; w--)
            put(t, "\b \b", 3);
        if (what == ERASE_CHAR)
            break;
    }
    /* LAB END */
}

/* End the line being typed with c, or with an end of file for '\0' (a line end no reader gets). */
static void end_line(struct tty *t, char c)
{
    if (!room(t))
        return;
    if (c)
        echo(t, c);
    store(t, c, true);
    t->line_end = t->head;
}

/* In canonical mode, an editing character or one that ends a line: whether c was one. */
static bool canonical_special(struct tty *t, char c)
{
    if (is_special(t, c, VERASE))
        erase(t, ERASE_CHAR);
    else if (is_special(t, c, VKILL))
        erase(t, ERASE_LINE);
    else if (LFLAG(t, IEXTEN) && is_special(t, c, VWERASE))
        erase(t, ERASE_WORD);
    else if (is_special(t, c, VEOF))
        end_line(t, '\0');
    else if (c == '\n' || is_special(t, c, VEOL) || (LFLAG(t, IEXTEN) && is_special(t, c, VEOL2)))
        end_line(t, c);
    else
        return false;
    return true;
}

/* What one typed character does: the signal it sends, or 0. Under the lock. */
static int receive_one(struct tty *t, char c)
{
    if (IFLAG(t, ISTRIP))
        c &= 0x7f;
    if (c == '\r' && IFLAG(t, IGNCR))
        return 0;
    if (c == '\r' && IFLAG(t, ICRNL))
        c = '\n';
    else if (c == '\n' && IFLAG(t, INLCR))
        c = '\r';
    if (LFLAG(t, ISIG)) {
        int sig = is_special(t, c, VINTR)   ? SIGINT
                  : is_special(t, c, VQUIT) ? SIGQUIT
                  : is_special(t, c, VSUSP) ? SIGTSTP
                                            : 0;
        if (sig) {
            if (!LFLAG(t, NOFLSH))
                drop_input(t); /* what was typed is dropped */
            echo(t, c);
            return sig;
        }
    }
    if (LFLAG(t, ICANON) && canonical_special(t, c))
        return 0;
    /* Canonical mode keeps the last place for the character that ends the line. */
    if (room(t) > (LFLAG(t, ICANON) ? 1u : 0u)) {
        echo(t, c);
        store(t, c, false);
    }
    return 0;
}

/* Can a read go on? For the event and poll: in non-canonical mode, once VMIN characters are there
   (with no VTIME), as Linux's poll says. Under the lock. */
static bool can_read(const struct tty *t)
{
    if (LFLAG(t, ICANON))
        return t->tail != t->line_end;
    cc_t min = t->termios.c_cc[VMIN];
    return t->head - t->tail >= (min && !t->termios.c_cc[VTIME] ? min : 1u);
}

/* Set or clear the event's signal to match can_read. Under the lock. */
static void update_readable(struct tty *t)
{
    bool ready = can_read(t);
    kobject_signal(t->readable, ready ? 0 : TTY_READABLE, ready ? TTY_READABLE : 0);
}

void tty_receive(struct tty *tty, const char *chars, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        hal_lock_acquire(&tty->lock);
        int sig = receive_one(tty, chars[i]);
        update_readable(tty);
        hal_lock_release(&tty->lock);
        if (sig)
            tty->line->signal(tty, sig);
    }
}

/* Canonical: the rest of the first finished line, or as much of it as len allows. */
static int64_t read_line(struct tty *t, char *buf, size_t len)
{
    if (t->tail == t->line_end)
        return -EAGAIN;
    size_t n = 0;
    while (n < len && t->tail != t->line_end) {
        uint32_t i = t->tail++;
        bool end = is_end(t, i);
        if (!end || t->buf[AT(i)] != '\0')
            buf[n++] = t->buf[AT(i)];
        if (end)
            return (int64_t)n;
    }
    /* A full read that stopped just before a ^D takes the ^D too: it only ended the line. */
    if (t->tail != t->line_end && is_end(t, t->tail) && t->buf[AT(t->tail)] == '\0')
        t->tail++;
    return (int64_t)n;
}

/* Non-canonical: what is there, once there is enough for VMIN (see the top of this file). */
static int64_t read_chars(struct tty *t, char *buf, size_t len)
{
    uint32_t have = t->head - t->tail;
    cc_t min = t->termios.c_cc[VMIN];
    size_t need = !min ? 0 : t->termios.c_cc[VTIME] ? 1 : min < len ? min : len;
    if (have < need)
        return -EAGAIN;
    size_t n = have < len ? have : len;
    for (size_t k = 0; k < n; k++)
        buf[k] = t->buf[AT(t->tail++)];
    return (int64_t)n;
}

int64_t tty_read(struct tty *tty, char *buf, size_t len)
{
    hal_lock_acquire(&tty->lock);
    int64_t n = LFLAG(tty, ICANON) ? read_line(tty, buf, len) : read_chars(tty, buf, len);
    update_readable(tty);
    hal_lock_release(&tty->lock);
    return n;
}

int64_t tty_write(struct tty *tty, const char *buf, size_t len)
{
    hal_lock_acquire(&tty->lock);
    put(tty, buf, len);
    hal_lock_release(&tty->lock);
    return (int64_t)len;
}

bool tty_can_read(struct tty *tty)
{
    hal_lock_acquire(&tty->lock);
    bool ready = can_read(tty);
    hal_lock_release(&tty->lock);
    return ready;
}

/* Switching to canonical mode makes what is there one finished line, ready to read as it is, and
   leaving it makes the line being typed ready to read: both as on Linux (its n_tty_set_termios).
   What was typed in non-canonical mode, while a shell's line editor had the terminal, was meant
   for whoever reads next: the program the shell starts, which would otherwise wait, since a
   newline typed then ended no line. */
static void finish_the_input(struct tty *t)
{
    for (uint32_t i = t->tail; i != t->head; i++)
        t->is_end[AT(i) / 8] &= (uint8_t) ~(1u << (AT(i) % 8));
    if (t->head != t->tail)
        t->is_end[AT(t->head - 1) / 8] |= (uint8_t)(1u << (AT(t->head - 1) % 8));
    t->line_end = t->head;
}

void tty_set_termios(struct tty *tty, const struct termios *t, bool flush)
{
    hal_lock_acquire(&tty->lock);
    bool was_canonical = LFLAG(tty, ICANON);
    tty->termios = *t;
    if (flush)
        drop_input(tty);
    else if (!was_canonical && LFLAG(tty, ICANON))
        finish_the_input(tty);
    update_readable(tty);
    hal_lock_release(&tty->lock);
}

void tty_flush_input(struct tty *tty)
{
    hal_lock_acquire(&tty->lock);
    drop_input(tty);
    update_readable(tty);
    hal_lock_release(&tty->lock);
}

int tty_input_count(struct tty *tty)
{
    hal_lock_acquire(&tty->lock);
    int n = (int)(tty->head - tty->tail);
    if (LFLAG(tty, ICANON)) { /* finished lines only, without their ^D */
        n = 0;
        for (uint32_t i = tty->tail; i != tty->line_end; i++)
            n += !is_end(tty, i) || tty->buf[AT(i)] != '\0';
    }
    hal_lock_release(&tty->lock);
    return n;
}
