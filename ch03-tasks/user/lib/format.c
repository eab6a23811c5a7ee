/*: # The formatter, shared with the kernel

One formatter for kernel and user space: this file compiles the kernel's. */
#include "../../../ch01-hal/src/kernel/format.c"
