sh -c 'exec echo replaced; echo not reached'
echo "status $?"
(exec sh -c 'exit 6'); echo "status $?"
