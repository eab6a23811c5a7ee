(exit 9)
echo "status $?"
(echo in; exit 2; echo not)
echo "status $?"
( (exit 5) ); echo "status $?"
