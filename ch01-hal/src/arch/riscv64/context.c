/*: # riscv64: running the user

`hal_context_run` turns interrupts off, points `stvec` at the user vector and enters the program
through `riscv_enter` (trap.S), which returns at the program's next trap. Back in the kernel it
reads why from `scause` and `stval` and describes it in the HAL's terms:

| `scause`         | trap                                                 | pc afterwards          |
|------------------|------------------------------------------------------|------------------------|
| 8 `ecall` from U | `HAL_TRAP_SYSCALL`                                   | past the `ecall` (4)   |
| 12, 13, 15       | `HAL_TRAP_PAGE_FAULT`: fetch, load, store at `stval` | the instruction        |
| 2                | `HAL_TRAP_ILLEGAL`                                   | the instruction        |
| 3 `ebreak`       | `HAL_TRAP_BREAKPOINT`                                | past it (2 or 4 bytes) |
| interrupt        | `HAL_TRAP_INTERRUPT`, after its handler ran          | unchanged              |
| anything else    | `HAL_TRAP_OTHER` (misaligned access, access fault)   | the instruction        |

The hardware leaves `sepc` at the `ecall` and the `ebreak`; the HAL moves it on, so that running the
context again continues the program, as the HAL's contract says and as on x86_64, where the CPU
itself does so. An `ebreak` may be the 2-byte compressed `c.ebreak`: the HAL reads the instruction's
low bits through the page table (instructions whose two low bits are not `11` are 2 bytes long).
RISC-V has no divide trap (a division by zero gives a defined result), so `HAL_TRAP_ARITHMETIC`
never happens here. */
#include <string.h>

#include "riscv.h"

void riscv_enter(struct riscv_cpu *cpu);

void hal_context_init(struct hal_context *ctx, vaddr_t pc, vaddr_t sp)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->pc = pc;
    ctx->sp = sp;
}

static unsigned instruction_length(vaddr_t pc)
{
    uint16_t low;
    return riscv_fetch_user_u16(pc, &low) && (low & 3) != 3 ? 2 : 4;
}

static void describe_trap(struct hal_context *ctx, uint64_t cause, uint64_t tval,
                          struct hal_trap *trap)
{
    *trap = (struct hal_trap){.kind = HAL_TRAP_OTHER, .code = cause};
    if (cause & SCAUSE_INTERRUPT) {
        trap->kind = HAL_TRAP_INTERRUPT;
        return;
    }
    switch (cause) {
    case EXC_ECALL_U:
        trap->kind = HAL_TRAP_SYSCALL;
        ctx->pc += 4;
        break;
    case EXC_INSN_PAGE_FAULT:
    case EXC_LOAD_PAGE_FAULT:
    case EXC_STORE_PAGE_FAULT:
        trap->kind = HAL_TRAP_PAGE_FAULT;
        trap->addr = tval;
        trap->access = cause == EXC_INSN_PAGE_FAULT   ? HAL_MMU_EXEC
                       : cause == EXC_LOAD_PAGE_FAULT ? HAL_MMU_READ
                                                      : HAL_MMU_WRITE;
        break;
    case EXC_ILLEGAL:
        trap->kind = HAL_TRAP_ILLEGAL;
        break;
    case EXC_BREAKPOINT:
        trap->kind = HAL_TRAP_BREAKPOINT;
        ctx->pc += instruction_length(ctx->pc);
        break;
    }
}

void hal_context_run(struct hal_context *ctx, struct hal_trap *trap)
{
    uint64_t status = csr_read_clear(sstatus, SSTATUS_SIE);
    struct riscv_cpu *cpu = riscv_user_turn();
    cpu->ctx = ctx;
    csr_write(stvec, riscv_user_vector);
    riscv_enter(cpu);
    csr_write(stvec, riscv_kernel_vector);
    uint64_t cause = csr_read(scause);
    describe_trap(ctx, cause, csr_read(stval), trap);
    if (trap->kind == HAL_TRAP_INTERRUPT)
        riscv_interrupt(cause & ~SCAUSE_INTERRUPT);
    csr_set(sstatus, status & SSTATUS_SIE);
}
