/*: # LibOS: the CPU

Boot arguments, shutting down and backtraces, the host's way (idling is in irq.c). A backtrace comes
from glibc's `backtrace`, which unwinds the stack with the compiler's unwind tables; the kernel is
linked with `-rdynamic` so that the names can be found. */
#include <execinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "libos.h"

static char boot_args[512] = "run";

void libos_set_boot_args(int argc, char **argv)
{
    if (argc < 2)
        return;
    size_t len = 0;
    boot_args[0] = '\0';
    for (int i = 1; i < argc; i++) {
        /* A word with a blank is quoted, so that it stays one word for a boot program that reads
           the line as a shell would (chapter 7's): the bare-metal command line is typed so. */
        const char *quote = !strchr(argv[i], ' ') ? "" : strchr(argv[i], '"') ? "'" : "\"";
        int n = snprintf(boot_args + len, sizeof boot_args - len, "%s%s%s%s", i > 1 ? " " : "",
                         quote, argv[i], quote);
        if (n < 0 || (size_t)n >= sizeof boot_args - len) {
            fprintf(stderr, "zinc: boot arguments too long\n");
            exit(2);
        }
        len += n;
    }
}

const char *hal_boot_args(void)
{
    return boot_args;
}

void hal_shutdown(int status)
{
    exit(status);
}

void hal_backtrace(int max)
{
    void *frames[32];
    int n = backtrace(frames, max < 32 ? max : 32);
    backtrace_symbols_fd(frames, n, STDOUT_FILENO);
}
