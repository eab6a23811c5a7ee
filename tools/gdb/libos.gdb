# tools/gdb/libos.gdb: gdb set-up for the LibOS kernel (make gdb ARCH=libos). Every system call of a
# user program arrives as SIGSYS (Syscall User Dispatch) and every user fault as a signal the kernel
# handles itself: let them through without stopping.
handle SIGSYS nostop noprint pass
handle SIGSEGV nostop noprint pass
handle SIGILL nostop noprint pass
break kmain
run
