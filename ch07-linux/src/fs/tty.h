/*: # Terminals

A terminal is more than a wire to a keyboard and a screen: between the characters that arrive on
the line and the program that reads them sits a *line discipline*, which Unix has kept since the
teletype. In its usual, *canonical* mode it gathers what is typed into a line the person may still
edit (Backspace erases a character, `^W` a word, `^U` the whole line), shows each character as it is
typed (*echo*), and gives the line to a reader only once Enter ends it; `^D` on an empty line reads
as the end of the file. In *non-canonical* (raw) mode, which editors and shells with line editing
of their own ask for, each character goes to the reader as it comes. Whatever the mode, three
characters are not input at all when `ISIG` is on: `^C`, `^\` and `^Z` send `SIGINT`, `SIGQUIT` and
`SIGTSTP` to the terminal's *foreground process group*, the job the person is talking to.

All of that is set by one structure, `struct termios` (Linux's, from `<asm/termbits.h>`), which
programs read and write with the `TCGETS` and `TCSETS` ioctls: flags for input (`c_iflag`: turn a
carriage return into a newline), output (`c_oflag`: a newline into carriage return and newline),
the line itself (`c_cflag`, kept but meaningless here) and the discipline (`c_lflag`: `ICANON`,
`ECHO`, `ISIG`, ...), and the special characters (`c_cc`).

A `struct tty` is one terminal: its settings, its window size, its input, and the session and
process group it belongs to (fs/tty_session.c). What lies under it, the *line*, is two functions:
one that writes to the screen and one that signals the foreground group; the console (fs/console.c)
is the one real terminal, and the kernel's tests make terminals of their own whose line they
watch. Input is pushed in with `tty_receive`, from whatever listens to the hardware.

Readers wait the chapter's way (linux/block.h): the terminal keeps an event whose signal is set
exactly while a read would not have to wait, so a blocked `read` or `poll` sleeps on it. */
#ifndef ZINC_FS_TTY_H
#define ZINC_FS_TTY_H

#include <asm/termbits.h>
#include <stddef.h>
#include <stdint.h>

#include "hal/hal.h"
#include "object/kobject.h"

/* How many characters of input a terminal holds (Linux holds 4096): a canonical line is at most
   one less, and what comes beyond that is dropped, as Linux drops it. */
#define TTY_BUF 1024

/* The signal of a terminal's event (tty->readable) that says a read can go on. */
#define TTY_READABLE ZX_EVENT_SIGNALED

struct tty;

/* What a terminal sits on. */
struct tty_line {
    /* Put len bytes on the screen. */
    void (*write)(struct tty *tty, const char *buf, size_t len);
    /* Send sig to the terminal's foreground process group; called without the terminal's lock. */
    void (*signal)(struct tty *tty, int sig);
    /* The far end already sends a newline as carriage return and newline: see fs/console.c. */
    bool far_end_adds_cr;
};

struct window_size {
    uint16_t rows, cols, xpixel, ypixel; /* Linux's struct winsize */
};

struct tty {
    const struct tty_line *line;
    struct kobject *readable; /* an event: TTY_READABLE while a read can go on */
    struct hal_lock lock;     /* guards everything below but sid and pgrp */
    struct termios termios;
    struct window_size size;
    /* The input, a ring: characters live in buf[tail .. head), indices taken modulo TTY_BUF.
       [tail, line_end) are finished lines a canonical read may take; [line_end, head) is the line
       being typed. is_end marks the characters that end a line: a newline, or an end of file (a
       '\0' no read returns). */
    char buf[TTY_BUF];
    uint8_t is_end[TTY_BUF / 8];
    uint32_t tail, line_end, head;
    /* The session it controls and that session's foreground group, 0 for none: job control's,
       under the lock of the process tree (fs/tty_session.c). */
    int sid, pgrp;
};

/* Make tty a terminal on line with Linux's default settings: 0 or -ENOMEM. */
int tty_init(struct tty *tty, const struct tty_line *line);

/* Take len characters typed on the line: edit, echo, signal as the settings say. */
void tty_receive(struct tty *tty, const char *chars, size_t len);

/* Read up to len bytes of input: the count, 0 at the end of the input (^D), or -EAGAIN when the
   read must wait (until tty->readable asserts TTY_READABLE). */
int64_t tty_read(struct tty *tty, char *buf, size_t len);

/* Write len bytes to the screen, translated as the output settings say: len. */
int64_t tty_write(struct tty *tty, const char *buf, size_t len);

/* Can a read go on now? */
bool tty_can_read(struct tty *tty);

/* The terminal's ioctls, for the file that stands for it (fs/tty_ioctl.c): result or -errno. */
int64_t tty_ioctl(struct tty *tty, unsigned cmd, uint64_t arg);

/* Replace the settings with t (the TCSETS ioctls), dropping unread input if flush. */
void tty_set_termios(struct tty *tty, const struct termios *t, bool flush);

/* Drop the input not yet read (TCFLSH). */
void tty_flush_input(struct tty *tty);

/* How many bytes a read could take now (FIONREAD). */
int tty_input_count(struct tty *tty);

/* Job control (fs/tty_session.c). A Linux process opens the terminal with open(2)'s flags: it may
   become its session's controlling terminal. 0 (opening never fails for that). */
int tty_opened(struct tty *tty, uint32_t flags);
/* Is tty the controlling terminal of the calling process? */
bool tty_is_controlling(struct tty *tty);
/* May the calling process read tty? 0, or for a process of a background group of tty's session,
   -EINTR once its group has been sent SIGTTIN (the read is made again when it is continued), or
   -EIO if it ignores or blocks SIGTTIN or its group is orphaned. */
int tty_check_read(struct tty *tty);
/* May the calling process change tty's settings? As tty_check_read with SIGTTOU, but a process
   that ignores or blocks SIGTTOU may (0). */
int tty_check_change(struct tty *tty);
/* May the calling process write to tty? Any may, but under TOSTOP as tty_check_change says. */
int tty_check_write(struct tty *tty);
/* TIOCGPGRP, TIOCSPGRP, TIOCGSID, TIOCSCTTY, TIOCNOTTY: result or -errno. */
int64_t tty_session_ioctl(struct tty *tty, unsigned cmd, uint64_t arg);
/* A line's signal: send sig to tty's foreground process group, if it has one. */
void tty_signal_foreground(struct tty *tty, int sig);

#endif
