/*: # x86_64: addresses, selectors and registers

The numbers that both the assembly and the C of this target use. They describe three things:

- **The address space.** The kernel image is linked at `KERNEL_VMA` plus its load address: the top 2
  GiB of the address space, where `-mcmodel=kernel` code can reach every symbol with a 32-bit signed
  immediate. Physical memory is mapped a second time, all of it, at `DIRECT_MAP`, the start of the
  upper half: physical address `pa` is the kernel's pointer `DIRECT_MAP + pa`.
- **The segments.** Long mode ignores segment bases and limits, but the CPU still checks privilege
  through the selectors. The order of the GDT is dictated by `syscall`/`sysret`, which compute the
  selectors from one base each: kernel code, then kernel data; then (a 32-bit user code slot we
  never use), user data, user code. The low two bits of a selector are the privilege level, 3 for
  the user.
- **Control and model-specific registers**, by their bits. */
#ifndef ZINC_X86_LAYOUT_H
#define ZINC_X86_LAYOUT_H

#define KERNEL_VMA 0xffffffff80000000
#define KERNEL_PHYS 0x100000 /* the kernel is loaded at 1 MiB, above the PC's legacy holes */
#define DIRECT_MAP 0xffff800000000000

#define KERNEL_CS 0x08
#define KERNEL_DS 0x10
#define USER_BASE_SEL 0x18 /* sysret's base: user data is base + 8, user code base + 16 */
#define USER_DS (0x20 | 3)
#define USER_CS (0x28 | 3)
#define TSS_SEL 0x30

#define CR0_PE (1 << 0)
#define CR0_MP (1 << 1)
#define CR0_EM (1 << 2)
#define CR0_TS (1 << 3)
#define CR0_NE (1 << 5)
#define CR0_WP (1 << 16)
#define CR0_PG (1 << 31)
#define CR4_PAE (1 << 5)
#define CR4_OSFXSR (1 << 9)
#define CR4_OSXMMEXCPT (1 << 10)
#define CR4_FSGSBASE (1 << 16)
#define CR4_SMEP (1 << 20)
#define CR4_SMAP (1 << 21)

#define MSR_EFER 0xc0000080
#define EFER_SCE (1 << 0)  /* syscall/sysret */
#define EFER_LME (1 << 8)  /* long mode */
#define EFER_NXE (1 << 11) /* the no-execute bit in page tables */
#define MSR_STAR 0xc0000081
#define MSR_LSTAR 0xc0000082
#define MSR_FMASK 0xc0000084
#define MSR_FS_BASE 0xc0000100
#define MSR_GS_BASE 0xc0000101
#define MSR_APIC_BASE 0x1b

#define RFLAGS_TF (1 << 8)
#define RFLAGS_IF (1 << 9)
#define RFLAGS_DF (1 << 10)
#define RFLAGS_NT (1 << 14)
#define RFLAGS_AC (1 << 18)

#endif
