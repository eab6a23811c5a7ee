/*: # Handing a new handle to the caller

Every system call that creates something ends the same way: make a handle in the caller's table and
write its value to a user pointer, or undo it if the pointer is bad. One that creates a pair gives
both ends or neither. */
#ifndef ZINC_HANDLE_GIVE_H
#define ZINC_HANDLE_GIVE_H

#include "object/kobject.h"
#include "syscall/user_copy.h"

/* Consumes the reference to obj in every case. ZX_ERR_INVALID_ARGS if out cannot be written. On
   ZX_OK the new value is also stored in *given, if given is not NULL. */
zx_status_t handle_give(struct kobject *obj, zx_rights_t rights, uaddr_t out, zx_handle_t *given);

/* Hand out both ends of a pair, each with its type's default rights; consumes both references. If
   the second cannot be handed out, the first is taken back. */
zx_status_t handle_give_pair(struct kobject *a, struct kobject *b, uaddr_t out0, uaddr_t out1);

#endif
