echo 'root:x:0:0:root:/root:/bin/sh' | awk -F: '{ print $1, $6 }'
echo 'a,b,c' | awk -F, -v OFS=- '{ $1 = $1; print }'
echo 'a1b2c3' | awk -F'[0-9]' '{ print $2, NF }'
