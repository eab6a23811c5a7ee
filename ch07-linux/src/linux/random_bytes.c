/*: # Random bytes: xoshiro256** under a lock, and getrandom

The generator is Blackman and Vigna's xoshiro256**: four words of state, a few shifts, rotations
and additions per 64-bit output. Seeding it with splitmix64 from the clock makes the four words
different even though the clock is one number. */
#include "linux/random_bytes.h"

#include <string.h>

#include "hal/hal.h"
#include "linux/syscall.h"
#include "linux/uaccess.h"

static struct hal_lock lock = HAL_LOCK_INIT;
static uint64_t state[4];
static bool seeded;

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static uint64_t next(void)
{
    uint64_t result = rotl(state[1] * 5, 7) * 9, t = state[1] << 17;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 45);
    return result;
}

void linux_random_bytes(void *buf, size_t len)
{
    uint8_t *out = buf;
    hal_lock_acquire(&lock);
    uint64_t now = hal_timer_now();
    if (!seeded) {
        for (int i = 0; i < 4; i++)
            state[i] = splitmix64(&now);
        seeded = true;
    }
    state[0] ^= now; /* stir */
    for (size_t done = 0; done < len; done += 8) {
        uint64_t r = next();
        memcpy(out + done, &r, len - done < 8 ? len - done : 8);
    }
    hal_lock_release(&lock);
}

/* getrandom(buf, len, flags): the generator never blocks, so GRND_NONBLOCK changes nothing. */
static int64_t linux_getrandom(const uint64_t *arg)
{
    uint8_t chunk[256];
    size_t len = arg[1] < (1u << 25) ? arg[1] : (1u << 25); /* as Linux, 32 MiB at most a call */
    for (size_t done = 0; done < len; done += sizeof chunk) {
        size_t n = len - done < sizeof chunk ? len - done : sizeof chunk;
        linux_random_bytes(chunk, n);
        if (copy_to_user(arg[0] + done, chunk, n))
            return done ? (int64_t)done : -EFAULT;
    }
    return (int64_t)len;
}
LINUX_SYSCALL(getrandom, linux_getrandom);
