seq 5
seq 3 6
seq 2 3 11
seq 5 -2 1
seq -s, 1 5
seq -w 8 11
seq 1 0
echo "status $?"
seq 0.5 0.5 2
