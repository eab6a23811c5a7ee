/*: # memcpy and friends, shared with the bare-metal kernel

A Zircon program here has no C library, so it uses the same plain functions the bare-metal kernel
does. */
#include "../../../ch01-hal/src/arch/metal/string.c"
