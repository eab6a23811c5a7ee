echo 'hello gzip' | gzip | gunzip
echo 'hello gzip' | gzip -c | md5sum
seq 1 100 | gzip -9 | gzip -dc | tail -n 1
gzip -t nosuch
echo "status $?"
echo 'not gzip' > bad.gz
gunzip bad.gz
echo "status $?"
