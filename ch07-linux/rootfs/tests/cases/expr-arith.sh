expr 3 + 4
expr 10 - 15
expr 6 \* 7
expr 17 / 5
expr 17 % 5
expr 1 + 1 = 2
expr 0 + 0
echo "status $?"
expr 5 / 0
echo "status $?"
