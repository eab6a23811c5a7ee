/*: # The test harness, implemented

Tests run one after another on the boot CPU. `current` holds the failures of the running test; the
checks report into it and the runner turns it into the TAP line. Before and after each test the
runner compares the count of free frames, the cheapest leak detector there is. */
#include "kernel/ktest.h"

#include "hal/hal.h"
#include "kernel/frame.h"
#include "kernel/printk.h"

static struct {
    int failures;
} current;

static uint64_t random_state;

static const char *short_path(const char *file)
{
    /* __FILE__ is absolute; print it from the chapter directory on, as the reader sees the tree. */
    const char *s = strstr(file, "/ch0");
    return s ? s + 1 : file;
}

void ktest_fail(const char *file, int line, const char *what)
{
    current.failures++;
    kprintf("#   %s:%d: %s\n", short_path(file), line, what);
}

void ktest_fail_values(const char *file, int line, const char *a_text, int64_t a, const char *op,
                       const char *b_text, int64_t b)
{
    current.failures++;
    kprintf("#   %s:%d: expected %s %s %s\n", short_path(file), line, a_text, op, b_text);
    kprintf("#     %s = %ld (0x%lx)\n", a_text, (long)a, (unsigned long)a);
    kprintf("#     %s = %ld (0x%lx)\n", b_text, (long)b, (unsigned long)b);
}

void ktest_fail_strings(const char *file, int line, const char *a_text, const char *a,
                        const char *b_text, const char *b)
{
    current.failures++;
    kprintf("#   %s:%d: expected %s equal to %s\n", short_path(file), line, a_text, b_text);
    kprintf("#     %s = \"%s\"\n", a_text, a);
    kprintf("#     %s = \"%s\"\n", b_text, b);
}

int ktest_failed_now(void)
{
    return current.failures;
}

uint64_t ktest_random(void)
{
    /* xorshift64*, seeded from the clock at the first call: a new value every run. */
    if (!random_state)
        random_state = hal_timer_now() * 0x9E3779B97F4A7C15ull | 1;
    random_state ^= random_state >> 12;
    random_state ^= random_state << 25;
    random_state ^= random_state >> 27;
    return random_state * 0x2545F4914F6CDD1Dull;
}

bool ktest_selected(const char *name, const char *selection)
{
    const char *w = selection;
    bool any = false;
    while (*w) {
        while (*w == ' ')
            w++;
        size_t n = strcspn(w, " ");
        if (n == 0)
            break;
        any = true;
        if (w[n - 1] == '*' ? strncmp(name, w, n - 1) == 0
                            : strlen(name) == n && strncmp(name, w, n) == 0)
            return true;
        w += n;
    }
    return !any;
}

int ktest_run(const char *selection)
{
    int planned = 0, number = 0, failed = 0;
    TABLE_FOREACH(struct ktest, ktests, t) planned += ktest_selected(t->name, selection);

    kprintf("TAP version 13\n1..%d\n", planned);
    TABLE_FOREACH(struct ktest, ktests, t)
    {
        if (!ktest_selected(t->name, selection))
            continue;
        number++;
        current.failures = 0;
        size_t frames_before = frame_free_count();
        t->fn();
        size_t frames_after = frame_free_count();
        if (frames_after != frames_before) {
            current.failures++;
            kprintf("#   %s: %ld frames leaked\n", short_path(t->file),
                    (long)(frames_before - frames_after));
        }
        kprintf("%s %d - %s\n", current.failures ? "not ok" : "ok", number, t->name);
        failed += current.failures != 0;
    }
    kprintf("%d passed, %d failed\n", number - failed, failed);
    return failed;
}
