/*: # Hello from a Linux program

The smallest Linux program worth running: it prints its arguments and part of its environment
with the C library's `printf`, and exits with a status that says how many arguments it had. It
exercises the start-up path of linux/initial_stack.c (argc, argv, envp, the auxiliary vector) and
the first calls every program makes: thread-local storage, `writev` or `write`, `exit_group`. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    printf("hello from Linux: argc=%d\n", argc);
    for (int i = 0; i < argc; i++)
        printf("argv[%d]=%s\n", i, argv[i]);
    printf("PATH=%s\n", getenv("PATH"));
    return argc;
}
