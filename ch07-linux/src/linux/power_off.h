/*: # reboot(2) and the boot program

A program that powers the machine off (busybox's `poweroff`, through its init) asks with
`reboot(2)` (linux/reboot.c), in the middle of a system call, with every other program still
running. The machine stops where it always does: in the boot program (linux/boot.c), once the first
process has ended. So the call kills every process and says that it did, and the boot program,
seeing the first process end, asks which it was: a machine stopped on purpose, or a first process
that ended by itself. */
#ifndef ZINC_LINUX_POWER_OFF_H
#define ZINC_LINUX_POWER_OFF_H

#include <stdbool.h>

/* Did a program stop the machine with reboot(2)? */
bool linux_reboot_asked(void);

#endif
