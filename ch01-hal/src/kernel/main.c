/*: # The kernel's main, implemented

`kmain` runs the init steps level by level, prints the banner, and then does what the first word of the boot
arguments asks: `test` runs the test harness, `bench` the benchmarks, anything else the boot program. The
machine then shuts down with a status that says how it went, so every run ends, and ends with a verdict. */
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

static const struct boot_program *latest_boot_program(void)
{
    const struct boot_program *best = NULL;
    TABLE_FOREACH(struct boot_program, boot_programs, p)
    {
        if (!best || p->chapter > best->chapter)
            best = p;
    }
    return best;
}

/* If args starts with the word command, return what follows it; otherwise NULL. */
static const char *command(const char *args, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(args, word, n) != 0 || (args[n] != '\0' && args[n] != ' '))
        return NULL;
    return args[n] == ' ' ? args + n + 1 : args + n;
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
        kbench_run();
        hal_shutdown(0);
    }
    const struct boot_program *program = latest_boot_program();
    if (!program) {
        kprintf("no boot program: nothing to do\n");
        hal_shutdown(0);
    }
    rest = command(args, "run");
    hal_shutdown(program->fn(rest ? rest : args));
}
