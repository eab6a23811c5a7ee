/*: # x86_64: the 16550 UART

The PC's first serial port, COM1, is a 16550 UART at I/O ports `0x3f8`..`0x3ff`; QEMU connects it to
its standard output and input (`-serial stdio`). Its registers, by offset from the base:

| offset | register                             | what Zinc does with it                        |
|--------|--------------------------------------|-----------------------------------------------|
| 0      | data: write to send, read to receive | one byte at a time                            |
| 1      | interrupt enable (IER)               | bit 0: interrupt when a byte has arrived      |
| 2      | FIFO control                         | enable and clear the 16-byte FIFOs            |
| 3      | line control (LCR)                   | 8 data bits, no parity, 1 stop bit            |
| 4      | modem control (MCR)                  | OUT2, which on a PC connects the IRQ line     |
| 5      | line status (LSR)                    | bit 0: a byte waits; bit 5: room to send      |

With bit 7 of LCR set, offsets 0 and 1 are instead the divisor of the 115200 Hz clock: 1 for 115200
baud. Output polls the line status; input arrives as ISA interrupt 4, which the I/O APIC delivers as
`HAL_IRQ_SERIAL` (irq.c). */
#include "x86_64.h"

#define COM1 0x3f8
#define DATA 0
#define IER 1
#define FCR 2
#define LCR 3
#define MCR 4
#define LSR 5
#define LCR_DLAB 0x80
#define LCR_8N1 0x03
#define MCR_DTR_RTS_OUT2 0x0b
#define FCR_ENABLE_CLEAR 0x07
#define IER_RX 0x01
#define LSR_RX_READY 0x01
#define LSR_TX_EMPTY 0x20

void x86_serial_init(void)
{
    outb(COM1 + IER, 0);
    outb(COM1 + LCR, LCR_DLAB);
    outb(COM1 + DATA, 1); /* divisor 1: 115200 baud */
    outb(COM1 + IER, 0);
    outb(COM1 + LCR, LCR_8N1);
    outb(COM1 + FCR, FCR_ENABLE_CLEAR);
    outb(COM1 + MCR, MCR_DTR_RTS_OUT2);
    /* The interrupt stays masked at the I/O APIC until the console registers its handler. */
    outb(COM1 + IER, IER_RX);
}

void hal_serial_write(const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        while (!(inb(COM1 + LSR) & LSR_TX_EMPTY))
            ;
        outb(COM1 + DATA, (uint8_t)buf[i]);
    }
}

size_t hal_serial_read(char *buf, size_t len)
{
    size_t n = 0;
    while (n < len && (inb(COM1 + LSR) & LSR_RX_READY))
        buf[n++] = (char)inb(COM1 + DATA);
    return n;
}
