ls -l /dev/null | awk '{ print $1 }'
head -c 8 /dev/urandom | wc -c
[ -c /dev/zero ] && echo "zero is a character device"
echo x > /dev/null && echo "null takes writes"
