/*: # A Zircon program says so

A Zircon program and a static Linux program are both ELF executables for the same machine, with
the same header: nothing in the format says which kernel interface a program expects. Chapter 7's
kernel runs both, so from this chapter on every Zircon program carries an ELF *note* (a small
tagged record in a `PT_NOTE` segment, the place where toolchains record such facts: the GNU build
id, the ABI tag) named "Zircon". The Linux personality claims every ELF program without it
(linux/personality.c). */
#include <stdint.h>

/* An ELF note: the sizes of the name and the description, a type, then the name (padded to 4). */
__attribute__((section(".note.zircon"), aligned(4), used)) static const struct {
    uint32_t namesz, descsz, type;
    char name[8];
} zircon_note = {sizeof "Zircon", 0, 1, "Zircon"};
