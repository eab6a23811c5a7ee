/*: # riscv64: the PLIC, the platform-level interrupt controller

Devices do not interrupt a hart directly: their lines go into the PLIC, which forwards them as the
*supervisor external interrupt* (`scause` 9) to the harts whose *context* enables them. Each hart
has two contexts, machine and supervisor: on `virt`, hart `h`'s supervisor context is number
`2h + 1`. Zinc uses one, the boot hart's (which OpenSBI chooses: on a machine of several harts, any
of them). The PLIC's registers, 32 bits each:

| offset                        | register                                                        |
|-------------------------------|-----------------------------------------------------------------|
| `4 * source`                  | the source's priority; 0 means never                            |
| `0x2000 + 0x80 * context`     | the context's enable bits, one per source                       |
| `0x200000 + 0x1000 * context` | the context's threshold: only priorities above it get through   |
| `0x200004 + 0x1000 * context` | claim: read the highest pending source; complete: write it back |

A source that has been claimed is not signalled again until it is completed, so the handler claims,
serves the device, and completes, in a loop until nothing is pending. */
#include "riscv.h"
#include "virt.h"

#define CONTEXT (2 * riscv_boot_hart + 1) /* the boot hart, supervisor mode */
#define PRIORITY(source) (0x4 * (source))
#define ENABLE (0x2000 + 0x80 * CONTEXT)
#define THRESHOLD (0x200000 + 0x1000 * CONTEXT)
#define CLAIM (THRESHOLD + 4)

static volatile uint32_t *reg(uint64_t offset)
{
    return (volatile uint32_t *)((uint8_t *)phys_to_virt(VIRT_PLIC) + offset);
}

void riscv_plic_enable(unsigned source)
{
    *reg(PRIORITY(source)) = 1;
    *reg(ENABLE + 4 * (source / 32)) |= 1u << (source % 32);
    *reg(THRESHOLD) = 0;
}

unsigned riscv_plic_claim(void)
{
    return *reg(CLAIM);
}

void riscv_plic_complete(unsigned source)
{
    *reg(CLAIM) = source;
}
