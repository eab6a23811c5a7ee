/*: # Tests of the line discipline

A terminal of the test's own (fs/tty.h), whose line keeps what is written to the screen and which
signals the foreground group would get: characters are typed into it with `tty_receive` and read
back with `tty_read`, as a person and a program would, and each test checks the lines read, the
echo on the screen and the signals sent. */
#include <asm/errno.h>
#include <linux/signal.h>
#include <string.h>

#include "fs/tty.h"
#include "kernel/ktest.h"

static struct {
    char screen[512];
    size_t shown;
    int signals[8];
    size_t sent;
} seen;

static void show(struct tty *tty, const char *buf, size_t len)
{
    for (size_t i = 0; i < len && seen.shown < sizeof seen.screen - 1; i++)
        seen.screen[seen.shown++] = buf[i];
}

static void note_signal(struct tty *tty, int sig)
{
    if (seen.sent < sizeof seen.signals / sizeof seen.signals[0])
        seen.signals[seen.sent++] = sig;
}

static const struct tty_line test_line = {.write = show, .signal = note_signal};

static struct tty tty; /* too big for a kernel stack */

/* A fresh terminal with Linux's defaults, and nothing seen. */
static struct tty *fresh(void)
{
    memset(&seen, 0, sizeof seen);
    if (tty.readable)
        kobject_unref(tty.readable);
    return tty_init(&tty, &test_line) ? NULL : &tty;
}

static void type(struct tty *t, const char *chars)
{
    tty_receive(t, chars, strlen(chars));
}

/* Read at most len bytes into a string (buf holds len + 1): what tty_read returned. */
static int64_t read_string(struct tty *t, char *buf, size_t len)
{
    int64_t n = tty_read(t, buf, len);
    buf[n > 0 ? n : 0] = '\0';
    return n;
}

static bool event_set(struct tty *t)
{
    return (kobject_signals(t->readable) & TTY_READABLE) != 0;
}

/* Switch to non-canonical mode without echo, with VMIN min and VTIME 0 (what cfmakeraw does, as far
   as input goes). */
static void go_raw(struct tty *t, cc_t min)
{
    struct termios s = t->termios;
    s.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
    s.c_iflag &= ~ICRNL;
    s.c_cc[VMIN] = min;
    s.c_cc[VTIME] = 0;
    tty_set_termios(t, &s, false);
}

KTEST(tty_starts_with_linux_defaults)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    struct termios *s = &t->termios;
    KEXPECT_EQ(s->c_lflag & (ICANON | ECHO | ECHOE | ECHOK | ISIG | IEXTEN),
               ICANON | ECHO | ECHOE | ECHOK | ISIG | IEXTEN);
    KEXPECT_EQ(s->c_iflag & ICRNL, ICRNL);
    KEXPECT_EQ(s->c_oflag & (OPOST | ONLCR), OPOST | ONLCR);
    KEXPECT_EQ(s->c_cc[VINTR], 3);
    KEXPECT_EQ(s->c_cc[VQUIT], 0x1c);
    KEXPECT_EQ(s->c_cc[VERASE], 0x7f);
    KEXPECT_EQ(s->c_cc[VKILL], 0x15);
    KEXPECT_EQ(s->c_cc[VEOF], 4);
    KEXPECT_EQ(s->c_cc[VSUSP], 0x1a);
    KEXPECT_EQ(s->c_cc[VWERASE], 0x17);
    KEXPECT_EQ(s->c_cc[VMIN], 1);
    KEXPECT_EQ(t->size.rows, 24);
    KEXPECT_EQ(t->size.cols, 80);
}

KTEST(tty_canonical_read_waits_for_the_end_of_the_line)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    char buf[32];
    type(t, "hi");
    KEXPECT_EQ(read_string(t, buf, 31), -EAGAIN);
    KEXPECT_TRUE(!tty_can_read(t));
    KEXPECT_TRUE(!event_set(t));
    KEXPECT_EQ(tty_input_count(t), 0);
    type(t, "\r"); /* Enter: ICRNL makes it a newline */
    KEXPECT_TRUE(tty_can_read(t));
    KEXPECT_TRUE(event_set(t));
    KEXPECT_EQ(tty_input_count(t), 3);
    KEXPECT_EQ(read_string(t, buf, 31), 3);
    KEXPECT_STREQ(buf, "hi\n");
    KEXPECT_TRUE(!event_set(t));
    KEXPECT_STREQ(seen.screen, "hi\r\n"); /* the echo, with ONLCR */
}

KTEST(tty_canonical_read_returns_one_line_at_a_time)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    char buf[32];
    type(t, "one\ntwo\nthr");
    KEXPECT_EQ(read_string(t, buf, 31), 4);
    KEXPECT_STREQ(buf, "one\n");
    KEXPECT_EQ(read_string(t, buf, 2), 2); /* a short read leaves the rest of the line */
    KEXPECT_STREQ(buf, "tw");
    KEXPECT_EQ(read_string(t, buf, 31), 2);
    KEXPECT_STREQ(buf, "o\n");
    KEXPECT_EQ(read_string(t, buf, 31), -EAGAIN);
}

KTEST(tty_erase_kill_and_word_erase_edit_the_line)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    char buf[64];
    type(t, "abx\x7f"
            "c\n");
    KEXPECT_EQ(read_string(t, buf, 63), 4);
    KEXPECT_STREQ(buf, "abc\n");
    KEXPECT_STREQ(seen.screen, "abx\b \bc\r\n");
    type(t, "junk\x15ok\n");
    KEXPECT_EQ(read_string(t, buf, 63), 3);
    KEXPECT_STREQ(buf, "ok\n");
    type(t, "one two, \x17three\n");
    KEXPECT_EQ(read_string(t, buf, 63), 10);
    KEXPECT_STREQ(buf, "one three\n");
    type(t, "\x7f\x15\x17z\n"); /* on an empty line, nothing to erase, and nothing echoed */
    KEXPECT_EQ(read_string(t, buf, 63), 2);
    KEXPECT_STREQ(buf, "z\n");
}

KTEST(tty_erase_does_not_reach_into_a_finished_line)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    char buf[16];
    type(t, "ab\n\x7f\x7f\x15");
    KEXPECT_EQ(read_string(t, buf, 15), 3);
    KEXPECT_STREQ(buf, "ab\n");
}

KTEST(tty_end_of_file_character)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    char buf[16];
    type(t, "\x04");
    KEXPECT_TRUE(event_set(t));
    KEXPECT_EQ(read_string(t, buf, 15), 0); /* ^D on an empty line: the end of the file */
    KEXPECT_EQ(read_string(t, buf, 15), -EAGAIN);
    type(t, "ab\x04");
    KEXPECT_EQ(tty_input_count(t), 2);
    KEXPECT_EQ(read_string(t, buf, 15), 2); /* after characters: they go, without a newline */
    KEXPECT_STREQ(buf, "ab");
    KEXPECT_EQ(read_string(t, buf, 15), -EAGAIN);
    type(t, "cd\x04");
    KEXPECT_EQ(read_string(t, buf, 2), 2); /* a read that just fills takes the ^D with it */
    KEXPECT_EQ(read_string(t, buf, 15), -EAGAIN);
    KEXPECT_STREQ(seen.screen, "abcd");
}

KTEST(tty_signal_characters_signal_and_drop_the_input)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    char buf[16];
    type(t, "done\nhalf");
    type(t, "\x03");
    KEXPECT_EQ(seen.sent, 1u);
    KEXPECT_EQ(seen.signals[0], SIGINT);
    KEXPECT_EQ(read_string(t, buf, 15), -EAGAIN); /* even the finished line is gone */
    type(t, "\x1c\x1a");
    KEXPECT_EQ(seen.sent, 3u);
    KEXPECT_EQ(seen.signals[1], SIGQUIT);
    KEXPECT_EQ(seen.signals[2], SIGTSTP);
    KEXPECT_STREQ(seen.screen, "done\r\nhalf^C^\\^Z");
    struct termios s = t->termios;
    s.c_lflag &= ~ISIG;
    tty_set_termios(t, &s, false);
    type(t, "\x03\n");
    KEXPECT_EQ(seen.sent, 3u); /* without ISIG, ^C is a character */
    KEXPECT_EQ(read_string(t, buf, 15), 2);
    KEXPECT_EQ(buf[0], 3);
}

KTEST(tty_raw_mode_gives_characters_as_they_come)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    char buf[16];
    go_raw(t, 1);
    KEXPECT_EQ(read_string(t, buf, 15), -EAGAIN);
    type(t, "x\r\x7f\x03");
    KEXPECT_TRUE(event_set(t));
    KEXPECT_EQ(tty_input_count(t), 4);
    KEXPECT_EQ(read_string(t, buf, 1), 1);
    KEXPECT_STREQ(buf, "x");
    KEXPECT_EQ(read_string(t, buf, 15), 3);
    KEXPECT_STREQ(buf, "\r\x7f\x03"); /* no translation, no editing, no signal */
    KEXPECT_EQ(seen.sent, 0u);
    KEXPECT_EQ(seen.shown, 0u); /* and no echo */
    KEXPECT_TRUE(!event_set(t));
}

KTEST(tty_raw_mode_vmin)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    char buf[16];
    go_raw(t, 3);
    type(t, "ab");
    KEXPECT_TRUE(!event_set(t));
    KEXPECT_EQ(read_string(t, buf, 15), -EAGAIN); /* VMIN 3: not yet */
    KEXPECT_EQ(read_string(t, buf, 2), 2);        /* but a read of 2 has its 2 */
    type(t, "cde");
    KEXPECT_TRUE(event_set(t));
    KEXPECT_EQ(read_string(t, buf, 15), 3);
    KEXPECT_STREQ(buf, "cde");
    go_raw(t, 0);
    KEXPECT_EQ(read_string(t, buf, 15), 0); /* VMIN 0: never waits */
}

KTEST(tty_mode_switches_keep_the_input)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    struct termios canonical = t->termios;
    char buf[16];
    type(t, "part");
    go_raw(t, 1);
    KEXPECT_EQ(read_string(t, buf, 2), 2); /* the line being typed is readable now */
    KEXPECT_STREQ(buf, "pa");
    type(t, "\nxy");
    tty_set_termios(t, &canonical, false);
    type(t, "\x7f"); /* back in canonical mode, the rest is one finished line, as it was typed */
    KEXPECT_EQ(read_string(t, buf, 15), 5);
    KEXPECT_STREQ(buf, "rt\nxy");
    KEXPECT_EQ(read_string(t, buf, 15), -EAGAIN); /* the erase had nothing to erase */
    type(t, "z\n");
    KEXPECT_EQ(read_string(t, buf, 15), 2);
    KEXPECT_STREQ(buf, "z\n");
    type(t, "gone\n");
    tty_set_termios(t, &canonical, true); /* TCSETSF drops it */
    KEXPECT_EQ(read_string(t, buf, 15), -EAGAIN);
}

KTEST(tty_output_translation)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    KEXPECT_EQ(tty_write(t, "a\nb\n", 4), 4);
    KEXPECT_STREQ(seen.screen, "a\r\nb\r\n");
    struct termios s = t->termios;
    s.c_oflag &= ~OPOST;
    tty_set_termios(t, &s, false);
    seen.shown = 0;
    memset(seen.screen, 0, sizeof seen.screen);
    KEXPECT_EQ(tty_write(t, "a\nb", 3), 3);
    KEXPECT_STREQ(seen.screen, "a\nb");
}

KTEST(tty_a_full_line_still_ends)
{
    struct tty *t = fresh();
    KASSERT_TRUE(t);
    for (int i = 0; i < TTY_BUF + 10; i++)
        type(t, "a");
    type(t, "\n");
    static char buf[TTY_BUF + 1];
    KEXPECT_EQ(read_string(t, buf, TTY_BUF), TTY_BUF);
    KEXPECT_EQ(buf[TTY_BUF - 2], 'a');
    KEXPECT_EQ(buf[TTY_BUF - 1], '\n');
}
