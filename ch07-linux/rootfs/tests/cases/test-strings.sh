test -z "" && echo "empty"
test -n "x" && echo "non-empty"
test abc = abc && echo "equal"
test abc != abd && echo "differ"
[ "a" \< "b" ] && echo "less"
test ""
echo "status $?"
test
echo "status $?"
[ x
echo "status $?"
