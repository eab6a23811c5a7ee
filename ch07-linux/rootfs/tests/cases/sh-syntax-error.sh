sh -c 'if then fi'
echo "status $?"
