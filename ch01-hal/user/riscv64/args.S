/*: # args: a system call's arguments and result travel in registers (riscv64)

Makes system call 7, which chapter 1's kernel does not define, passing its own six start-up
arguments as the call's arguments (on riscv64 both conventions use `a0`..`a5`, so they are already
in place), and exits with whatever the call returned. A test plays the kernel and checks both
directions. */
    .globl _start
_start:
    li a7, 7
    ecall
    li a7, 2                /* exit, with the result still in a0 */
    ecall
