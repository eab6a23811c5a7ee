wait
echo "status $?"
wait 12345
echo "status $?"
