seq 1 5 > f
tail -n 0 f
echo "status $?"
tail -n 100 f | wc -l
