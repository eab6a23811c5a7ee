nosuchcommand arg
echo "status $?"
./nosuchfile
echo "status $?"
