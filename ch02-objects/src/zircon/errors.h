/*: # The Zircon ABI: status codes

Every system call returns a `zx_status_t`: `ZX_OK`, or one of these negative values. They are
Fuchsia's, number for number. The comment beside each says when Zinc returns it. */
#ifndef ZIRCON_ERRORS_H
#define ZIRCON_ERRORS_H

#define ZX_OK 0
#define ZX_ERR_INTERNAL (-1)          /* the kernel's own failure: never the caller's fault */
#define ZX_ERR_NOT_SUPPORTED (-2)     /* a valid request this object does not support */
#define ZX_ERR_NO_RESOURCES (-3)      /* a table or quota is full */
#define ZX_ERR_NO_MEMORY (-4)         /* memory is exhausted */
#define ZX_ERR_INTERNAL_INTR_RETRY (-6) /* for the user library only: finish an interrupted call */
#define ZX_ERR_INVALID_ARGS (-10)     /* a bad argument: a bad pointer, an unknown option */
#define ZX_ERR_BAD_HANDLE (-11)       /* the handle value names no handle of this process */
#define ZX_ERR_WRONG_TYPE (-12)       /* the handle is of the wrong type for this call */
#define ZX_ERR_BAD_SYSCALL (-13)      /* no system call has this number */
#define ZX_ERR_OUT_OF_RANGE (-14)     /* an argument is outside its valid range */
#define ZX_ERR_BUFFER_TOO_SMALL (-15) /* a caller's buffer cannot hold the result */
#define ZX_ERR_BAD_STATE (-20)        /* the object is not in a state that allows this */
#define ZX_ERR_TIMED_OUT (-21)        /* the deadline passed first */
#define ZX_ERR_SHOULD_WAIT (-22)      /* nothing to do now: wait for a signal and retry */
#define ZX_ERR_CANCELED (-23)         /* the operation was cancelled, e.g. its handle closed */
#define ZX_ERR_PEER_CLOSED (-24)      /* the other end of a pair is gone */
#define ZX_ERR_NOT_FOUND (-25)        /* no such thing */
#define ZX_ERR_ALREADY_EXISTS (-26)   /* it exists already */
#define ZX_ERR_ALREADY_BOUND (-27)
#define ZX_ERR_UNAVAILABLE (-28)
#define ZX_ERR_ACCESS_DENIED (-30)    /* the handle lacks a right the call needs */
#define ZX_ERR_IO (-40)

#endif
