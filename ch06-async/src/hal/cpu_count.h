/*: # How many CPUs run the kernel

The kernel's executor runs on one kernel thread per CPU (exec/kernel_executor.c), so it asks the
HAL how many there are. On bare metal that is every CPU the machine has, counted once they have
been brought up (`INIT_KERNEL`: ask later, from `INIT_LATE` on); on LibOS, where a kernel thread is
a host thread, the host's CPUs stand in for them. */
#ifndef ZINC_HAL_CPU_COUNT_H
#define ZINC_HAL_CPU_COUNT_H

unsigned hal_cpu_count(void);

#endif
