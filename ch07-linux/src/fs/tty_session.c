/*: # The controlling terminal

Job control needs to know which terminal a session talks to, and which of its process groups is
in the *foreground* there: the one that `^C` interrupts and that may read what is typed. That
terminal is the session's *controlling terminal*. A session gets one when its leader (the process
that called `setsid`) opens a terminal that no session has, without `O_NOCTTY`, or asks for it with
the `TIOCSCTTY` ioctl; it keeps it until the leader ends, when the terminal is free again (Linux
frees it at once; Zinc notices the next time it looks). `/dev/tty` opens the caller's controlling
terminal, and fails with `ENXIO` for a process without one. A shell moves its jobs to the
foreground and back with `TIOCSPGRP` (`tcsetpgrp`), which accepts only a group of the terminal's
own session, and asks with `TIOCGPGRP`; `TIOCGSID` names the session.

Linux never makes `/dev/console` a controlling terminal; Zinc's console is the only terminal there
is, and the serial line of a real machine, so it does. The kernel itself opens it for the first
process (linux/boot.c) before that process exists: that open gives the terminal to the session the
first process will lead, pid 1's, with pid 1's group in the foreground, so that a shell started
at boot has job control.

The terminal keeps its session and group itself (`tty->sid`, `tty->pgrp`), under the lock of the
process tree, whose sessions and groups they name. With one terminal, that is all there is to
look at: a process's controlling terminal is the terminal whose session is the process's own.

A process of a *background* group that reads its terminal would take keys meant for the shell or
the foreground job: as on Linux, its read sends its whole group `SIGTTIN`, which stops it by
default (a shell's `jobs` says "Stopped (tty input)"), and the read runs again once the job is
continued, in the foreground if `fg` continued it. A process that ignores or blocks `SIGTTIN` would
never stop, so its read fails with `EIO` instead. Changing the terminal from the background is the
same with `SIGTTOU` ("Stopped (tty output)"): the settings (`tcsetattr`, `tcflush`, `tcdrain`) or
the foreground group (`tcsetpgrp`, which a shell therefore calls with `SIGTTOU` ignored); writing
too, once `stty tostop` has set `TOSTOP`, for those who want a background job's output to wait.
But a process that ignores or blocks `SIGTTOU` goes ahead: it asked not to be stopped by it. The
window size is not guarded, as on Linux. Last, a background group that no shell will ever continue
gets `EIO` rather than a stop that would last for ever: an *orphaned* group, none of whose members
has a parent in the same session but another group (Linux's `tcsetpgrp` says `ENOTTY` then).

Not done: for a process that leaves its terminal with `TIOCNOTTY`, keeping that it did: only a
session leader's `TIOCNOTTY` frees the terminal, with `SIGHUP` and `SIGCONT` to the foreground
group as on Linux. */
#include <asm/fcntl.h>
#include <asm/ioctls.h>
#include <linux/signal.h>

#include "fs/tty.h"
#include "linux/signals.h"
#include "linux/uaccess.h"

/* The first process's pid, whose session the kernel opens the console for. */
#define FIRST_PID 1

/* The Linux process making the call, or NULL when the kernel opens the terminal itself (the boot
   program, the kernel's tests): then no thread of a process is running this code. */
static struct linux_process *caller(void)
{
    if (!hal_thread_local())
        return NULL;
    struct process *p = thread_current()->process;
    return p && p->personality == &linux_personality ? p->personality_state : NULL;
}

/* The session tty controls, or 0 if none: one whose leader has ended has none. Tree lock. */
static int controlled_session(struct tty *tty)
{
    struct linux_process *leader = tty->sid ? linux_process_find(tty->sid) : NULL;
    if (!leader || leader->exited || leader->sid != tty->sid)
        tty->sid = tty->pgrp = 0;
    return tty->sid;
}

/* Make tty the controlling terminal of lp's session, lp's group in the foreground. Tree lock. */
static void give(struct tty *tty, struct linux_process *lp)
{
    tty->sid = lp->sid;
    tty->pgrp = lp->pgid;
}

int tty_opened(struct tty *tty, uint32_t flags)
{
    struct linux_process *self = caller();
    hal_lock_acquire(&linux_tree_lock);
    if (!self) {
        tty->sid = tty->pgrp = FIRST_PID;
    } else if (!(flags & O_NOCTTY) && self->pid == self->sid && !controlled_session(tty)) {
        give(tty, self);
    }
    hal_lock_release(&linux_tree_lock);
    return 0;
}

bool tty_is_controlling(struct tty *tty)
{
    struct linux_process *self = caller();
    hal_lock_acquire(&linux_tree_lock);
    bool mine = self && controlled_session(tty) == self->sid;
    hal_lock_release(&linux_tree_lock);
    return mine;
}

/* Send sig to every living process of group pgrp, as kill(-pgrp, sig) does. Tree lock. */
struct group_signal {
    int pgrp, sig;
    bool found; /* is there a process in the group (a zombie too, as on Linux)? */
    int sid;    /* and its session */
};

static void signal_member(struct linux_process *lp, void *arg)
{
    struct group_signal *g = arg;
    if (lp->pgid != g->pgrp)
        return;
    g->found = true;
    g->sid = lp->sid;
    if (g->sig && !lp->exited)
        linux_signal_process(lp, g->sig, (struct signal_origin){.code = SI_KERNEL});
}

void tty_signal_foreground(struct tty *tty, int sig)
{
    hal_lock_acquire(&linux_tree_lock);
    struct group_signal g = {tty->pgrp, sig, false, 0};
    if (controlled_session(tty) && tty->pgrp)
        linux_process_each(signal_member, &g);
    hal_lock_release(&linux_tree_lock);
}

/* Is group pgrp of session sid orphaned: has none of its living members a parent in the session
   but outside the group, a shell that could continue it? Linux does not count a parent that is
   pid 1, which cannot do job control there; Zinc's pid 1 is often a shell, like a container's
   first process, whose jobs are not orphaned. Tree lock. */
struct orphan_search {
    int pgrp, sid;
    bool has_shell;
};

static void look_for_shell(struct linux_process *lp, void *arg)
{
    struct orphan_search *o = arg;
    struct linux_process *parent = lp->parent;
    if (lp->pgid == o->pgrp && !lp->exited && parent && parent->pgid != o->pgrp &&
        parent->sid == o->sid)
        o->has_shell = true;
}

static bool orphaned(int pgrp, int sid)
{
    struct orphan_search o = {pgrp, sid, false};
    linux_process_each(look_for_shell, &o);
    return !o.has_shell;
}

/* May the calling process read tty (sig SIGTTIN), or change it (SIGTTOU)? As Linux's
   __tty_check_change: a process of a background group of tty's session that ignores or blocks sig
   may change the terminal but not read it (-EIO); one of an orphaned group gets -EIO; any other
   stops with its group (-EINTR: the call is made again once it is continued, linux/signals.c). */
static int check_background(struct tty *tty, int sig)
{
    struct linux_process *self = caller();
    if (!self)
        return 0;
    struct linux_thread *lt = thread_current()->personality_state;
    int result = 0;
    hal_lock_acquire(&linux_tree_lock);
    if (self->sid && controlled_session(tty) == self->sid && tty->pgrp != self->pgid) {
        struct group_signal stop = {self->pgid, sig, false, 0};
        if (self->signals->action[sig - 1].handler == (uint64_t)SIG_IGN ||
            (lt->blocked & SIG_BIT(sig)))
            result = sig == SIGTTIN ? -EIO : 0;
        else if (orphaned(self->pgid, self->sid))
            result = -EIO;
        else {
            linux_process_each(signal_member, &stop);
            result = -EINTR;
        }
    }
    hal_lock_release(&linux_tree_lock);
    return result;
}

int tty_check_read(struct tty *tty)
{
    return check_background(tty, SIGTTIN);
}

int tty_check_change(struct tty *tty)
{
    return check_background(tty, SIGTTOU);
}

int tty_check_write(struct tty *tty)
{
    hal_lock_acquire(&tty->lock);
    bool tostop = tty->termios.c_lflag & TOSTOP;
    hal_lock_release(&tty->lock);
    return tostop ? tty_check_change(tty) : 0;
}

/* TIOCSPGRP: pgrp to the foreground. Tree lock; self's controlling terminal. */
static int64_t set_foreground(struct tty *tty, struct linux_process *self, int pgrp)
{
    struct group_signal g = {pgrp, 0, false, 0};
    if (pgrp < 0)
        return -EINVAL;
    linux_process_each(signal_member, &g);
    if (!g.found)
        return -ESRCH;
    if (g.sid != self->sid)
        return -EPERM;
    tty->pgrp = pgrp;
    return 0;
}

/* TIOCSCTTY: make tty the controlling terminal of the caller's session. Only a session leader may,
   and it takes a terminal another session has only when arg is 1 (Linux also asks for the right
   to; every process is root here). Tree lock. */
static int64_t take_as_controlling(struct tty *tty, struct linux_process *self, uint64_t arg)
{
    int sid = controlled_session(tty);
    if (self->pid != self->sid)
        return -EPERM;
    if (sid == self->sid)
        return 0;
    if (sid && arg != 1)
        return -EPERM;
    give(tty, self);
    return 0;
}

/* TIOCNOTTY by a session leader: the terminal is free, and its foreground group is told. */
static void leave(struct tty *tty)
{
    struct group_signal hangup = {tty->pgrp, SIGHUP, false, 0};
    struct group_signal go_on = {tty->pgrp, SIGCONT, false, 0};
    linux_process_each(signal_member, &hangup);
    linux_process_each(signal_member, &go_on);
    tty->sid = tty->pgrp = 0;
}

int64_t tty_session_ioctl(struct tty *tty, unsigned cmd, uint64_t arg)
{
    if (cmd != TIOCGPGRP && cmd != TIOCSPGRP && cmd != TIOCGSID && cmd != TIOCSCTTY &&
        cmd != TIOCNOTTY)
        return -ENOTTY;
    struct linux_process *self = caller();
    int value = 0; /* the group or session, in or out */
    if (!self)
        return -ENOTTY;
    int64_t result = cmd == TIOCSPGRP ? tty_check_change(tty) : 0;
    if (result)
        return result == -EIO ? -ENOTTY : result; /* an orphaned group's: as Linux says */
    if (cmd == TIOCSPGRP && copy_from_user(&value, arg, sizeof value))
        return -EFAULT;
    hal_lock_acquire(&linux_tree_lock);
    bool mine = controlled_session(tty) == self->sid && self->sid;
    if (cmd == TIOCSCTTY)
        result = take_as_controlling(tty, self, arg);
    else if (!mine)
        result = -ENOTTY; /* not the caller's controlling terminal */
    else if (cmd == TIOCGPGRP || cmd == TIOCGSID)
        value = cmd == TIOCGPGRP ? tty->pgrp : tty->sid;
    else if (cmd == TIOCSPGRP)
        result = set_foreground(tty, self, value);
    else if (self->pid == self->sid)
        leave(tty);
    hal_lock_release(&linux_tree_lock);
    if (!result && (cmd == TIOCGPGRP || cmd == TIOCGSID))
        result = copy_to_user(arg, &value, sizeof value);
    return result;
}
