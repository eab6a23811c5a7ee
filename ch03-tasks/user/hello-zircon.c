/*: # hello-zircon: the first Zircon program

A C program like any other: `main` with arguments, `printf`. Underneath, its start-up read the
bootstrap channel, and every line it prints is a `zx_debug_write` system call. */
#include <stdio.h>

#include "zircon/process.h"
#include "zircon/syscalls.h"
#include "zircon/object_info.h"

int main(int argc, char **argv)
{
    zx_info_handle_basic_t info;
    zx_status_t status =
        zx_object_get_info(zx_process_self(), ZX_INFO_HANDLE_BASIC, &info, sizeof info, NULL, NULL);
    printf("hello from a Zircon process: %d argument%s, process koid %lu (status %d)\n", argc,
           argc == 1 ? "" : "s", (unsigned long)info.koid, status);
    for (int i = 0; i < argc; i++)
        printf("  argv[%d] = %s\n", i, argv[i]);
    return 7;
}
