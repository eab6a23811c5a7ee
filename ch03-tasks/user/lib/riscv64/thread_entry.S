/*: # Where a new thread begins (riscv64)

The entry that `zinc_thread_start` (launch.c) gives a thread: the function to run in `a0`, its
argument in `a1`. Like `_start`, it aligns the stack, then calls the function and ends the thread
when the function returns, since there is nowhere to return to. */
    .text
    .globl zinc_thread_entry
zinc_thread_entry:
    andi sp, sp, -16
    li fp, 0                        /* the outermost frame: backtraces stop here */
    mv t0, a0
    mv a0, a1
    jalr t0
    call zx_thread_exit
    unimp
