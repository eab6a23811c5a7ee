touch here
ls here missing
echo "status $?"
