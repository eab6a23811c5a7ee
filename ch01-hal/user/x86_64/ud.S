/*: # ud: an illegal instruction (x86_64) */
    .globl _start
_start:
    ud2
