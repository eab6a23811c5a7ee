n=1
until [ $n -gt 100 ]; do n=$((n * 3)); done
echo $n
