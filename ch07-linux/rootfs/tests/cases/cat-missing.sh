echo there > present
cat present missing present
echo "status $?"
