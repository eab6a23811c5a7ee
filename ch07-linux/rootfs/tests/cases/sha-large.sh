head -c 1000000 /dev/zero | sha256sum
head -c 1000000 /dev/zero | md5sum
