/*: # Copying a string from a Linux program

A path or an argument is a string of unknown length in user memory. It is copied a byte at a time
up to its zero, which is simple and, for the short strings of paths, fast enough: each byte is one
checked copy, so a string that runs off the end of the program's memory is `-EFAULT`, never a
kernel fault. */
#include "linux/uaccess.h"

int64_t copy_string_from_user(char *dst, size_t size, uaddr_t src)
{
    for (size_t i = 0; i < size; i++) {
        if (copy_from_user(&dst[i], src + i, 1))
            return -EFAULT;
        if (!dst[i])
            return (int64_t)i;
    }
    return -ENAMETOOLONG;
}
