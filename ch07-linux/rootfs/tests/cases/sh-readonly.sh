readonly r=fixed
(r=changed)
echo "status $?"
echo "$r"
