stat -c %n nosuch
echo "status $?"
stat -t . > /dev/null
echo "status $?"
