/*: # LibOS: living with the address sanitizer

`make test` also runs the LibOS kernel under AddressSanitizer. The sanitizer gives each thread an
alternate signal stack of its own, and unmaps "its" stack when the thread ends. But Zinc puts its
own signal stack on every thread that runs user code (arch/libos/context.c), and reuses it for the
next thread: the sanitizer would unmap memory that is not its own. This hook, which the sanitizer's
runtime looks for at start-up (and which nothing calls in a build without it), tells it to leave
signal stacks alone. */
const char *__asan_default_options(void);

const char *__asan_default_options(void)
{
    return "use_sigaltstack=0";
}
