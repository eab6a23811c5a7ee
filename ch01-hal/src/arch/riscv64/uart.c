/*: # riscv64: the serial line, a 16550 UART

The `virt` board's console is a 16550 UART, the PC's serial chip since the 1980s, at physical
`0x10000000` (reached through the direct map). Its registers are bytes:

| offset | register | what the kernel uses                                                    |
|--------|----------|-------------------------------------------------------------------------|
| 0      | RBR/THR  | read: the next received byte; write: a byte to send                     |
| 1      | IER      | interrupt enable; bit 0: "a byte was received"                           |
| 2      | FCR      | FIFO control (write): on                                                 |
| 3      | LCR      | line control: 8 data bits, no parity, 1 stop bit                         |
| 5      | LSR      | line status; bit 0: a byte is waiting; bit 5: room to send a byte        |

Output waits for room, byte by byte. Input is read while bytes are waiting, so it never blocks. The
receive interrupt goes through the PLIC (plic.c) as source 10, the HAL's `HAL_IRQ_SERIAL`. */
#include "riscv.h"
#include "virt.h"

#define RBR 0
#define THR 0
#define IER 1
#define FCR 2
#define LCR 3
#define LSR 5

#define IER_RX 0x01
#define FCR_ENABLE 0x01
#define LCR_8N1 0x03
#define LSR_DATA 0x01
#define LSR_THR_EMPTY 0x20

static volatile uint8_t *reg(unsigned r)
{
    return (volatile uint8_t *)phys_to_virt(VIRT_UART) + r;
}

void riscv_uart_init(void)
{
    *reg(IER) = 0;
    *reg(LCR) = LCR_8N1;
    /* FIFOs on, but not cleared: input that arrived during boot (a test feeds the line from the
       start) is still waiting, and turning the FIFOs on when the firmware already did clears
       nothing. */
    *reg(FCR) = FCR_ENABLE;
}

void riscv_uart_enable_interrupt(void)
{
    *reg(IER) = IER_RX;
}

void hal_serial_write(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        while (!(*reg(LSR) & LSR_THR_EMPTY))
            ;
        *reg(THR) = (uint8_t)buf[i];
    }
}

size_t hal_serial_read(char *buf, size_t len)
{
    size_t n = 0;
    while (n < len && (*reg(LSR) & LSR_DATA))
        buf[n++] = (char)*reg(RBR);
    return n;
}
