/*: # Where a new thread begins (x86_64)

The entry that `zinc_thread_start` (launch.c) gives a thread: the function to run in `rdi`, its
argument in `rsi`. Like `_start`, it makes the stack as C wants it, then calls the function and ends
the thread when the function returns, since there is nowhere to return to. */
    .text
    .globl zinc_thread_entry
zinc_thread_entry:
    and $-16, %rsp
    xor %ebp, %ebp                  /* the outermost frame: backtraces stop here */
    mov %rdi, %rax
    mov %rsi, %rdi
    call *%rax
    call zx_thread_exit
    ud2
    .section .note.GNU-stack, "", @progbits
