/*: # The kernel's main, implemented

`kmain` runs the init steps level by level, prints the banner, and then does what the first word of
the boot arguments asks: `test` runs the test harness, `bench` the benchmarks, `run` the boot
program of the latest chapter, and the name of a boot program that program (`demo hello` runs
chapter 1's demo in any stage). The machine then shuts down with a status that says how it went, so
every run ends, and ends with a verdict. */
#include "kernel/main.h"

#include <string.h>

#include "hal/hal.h"
#include "kernel/frame.h"
#include "kernel/init.h"
#include "kernel/kbench.h"
#include "kernel/ktest.h"
#include "kernel/printk.h"

static void run_init_steps(void)
{
    for (int level = 0; level < INIT_LEVELS; level++) {
        TABLE_FOREACH(struct init_step, init, step)
        {
            if ((int)step->level == level)
                step->fn();
        }
    }
}

/* If args starts with the word command, return what follows it; otherwise NULL. */
static const char *command(const char *args, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(args, word, n) != 0 || (args[n] != '\0' && args[n] != ' '))
        return NULL;
    return args[n] == ' ' ? args + n + 1 : args + n;
}

/* The boot program that args names (then *rest is what follows its name), or the latest
   chapter's. */
static const struct boot_program *choose_boot_program(const char *args, const char **rest)
{
    const struct boot_program *latest = NULL;
    TABLE_FOREACH(struct boot_program, boot_programs, p)
    {
        if ((*rest = command(args, p->name)))
            return p;
        if (!latest || p->chapter > latest->chapter)
            latest = p;
    }
    *rest = command(args, "run");
    if (!*rest)
        *rest = args;
    return latest;
}

void kmain(void)
{
    run_init_steps();
    kprintf("Zinc %s on %s: %zu MiB of RAM, %zu frames free\n", ZINC_CHAPTER, HAL_ARCH_NAME,
            hal_pmem_size() >> 20, frame_free_count());

    const char *args = hal_boot_args(), *rest;
    if ((rest = command(args, "test")))
        hal_shutdown(ktest_run(rest) ? 1 : 0);
    if ((rest = command(args, "bench"))) {
        kbench_run(rest);
        hal_shutdown(0);
    }
    const struct boot_program *program = choose_boot_program(args, &rest);
    if (!program) {
        kprintf("no boot program: nothing to do\n");
        hal_shutdown(0);
    }
    hal_shutdown(program->fn(rest));
}
