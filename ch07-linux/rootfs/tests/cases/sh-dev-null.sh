echo gone > /dev/null
cat /dev/null | wc -c
head -c 16 /dev/zero | od -An -tx1
