/* tools/bench-boot.c: boot a system, time how long it takes to offer its shell, and type at it.
 *
 * `bench-boot PROMPT TEXT COMMAND...` runs COMMAND (a QEMU boot, or the LibOS) with its standard
 * input and output on pipes, copies everything it writes to this program's output, and watches
 * for PROMPT: the moment it first shows is the boot's time to a shell prompt, which this prints
 * on a line of its own, `boot-to-prompt MILLISECONDS ms`, measured from just before COMMAND
 * started. Then it types TEXT and a newline, as a person would, and goes on copying until COMMAND
 * ends; its exit status is COMMAND's. tools/bench-linux.sh boots Zinc and Linux with it, so that
 * both are timed the same way, by a clock outside either of them. */
#define _GNU_SOURCE /* memmem */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t done = write(fd, s, n);
        if (done <= 0)
            return;
        s += done;
        n -= (size_t)done;
    }
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench-boot PROMPT TEXT COMMAND...\n");
        return 2;
    }
    const char *prompt = argv[1], *text = argv[2];
    size_t prompt_len = strlen(prompt);
    if (prompt_len == 0 || prompt_len > 256) {
        fprintf(stderr, "bench-boot: a prompt is 1 to 256 characters\n");
        return 2;
    }
    int in[2], out[2];
    if (pipe(in) || pipe(out)) {
        perror("bench-boot: pipe");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN); /* a system that ends before the text is typed is not our crash */
    double start = now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[0]), close(in[1]), close(out[0]), close(out[1]);
        execvp(argv[3], argv + 3);
        perror("bench-boot: exec");
        _exit(127);
    }
    close(in[0]);
    close(out[1]);

    /* What was read, after the last bytes of the read before that could begin a prompt, so that
     * a prompt split between two reads is still found. */
    char seen[4096 + 256];
    size_t kept = 0;
    int typed = 0;
    char buf[4096];
    ssize_t n;
    while ((n = read(out[0], buf, sizeof buf)) > 0) {
        write_all(1, buf, (size_t)n);
        if (typed)
            continue;
        memcpy(seen + kept, buf, (size_t)n);
        kept += (size_t)n;
        if (memmem(seen, kept, prompt, prompt_len)) {
            char line[64];
            int len = snprintf(line, sizeof line, "\nboot-to-prompt %.0f ms\n", now_ms() - start);
            write_all(1, line, (size_t)len);
            write_all(in[1], text, strlen(text));
            write_all(in[1], "\n", 1);
            typed = 1;
        } else if (kept >= prompt_len) {
            memmove(seen, seen + kept - (prompt_len - 1), prompt_len - 1);
            kept = prompt_len - 1;
        }
    }
    int status;
    if (waitpid(pid, &status, 0) != pid)
        return 2;
    if (!typed)
        fprintf(stderr, "bench-boot: the prompt \"%s\" never showed\n", prompt);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
