touch a b c
rm a
ls
rm -f nosuch
echo "status $?"
rm nosuch
echo "status $?"
mkdir d
rm d
echo "status $?"
