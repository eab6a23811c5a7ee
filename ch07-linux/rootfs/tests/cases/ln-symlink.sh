echo data > file
ln -s file link
cat link
readlink link
[ -L link ] && echo "is a link"
[ -f link ] && echo "points at a file"
ln -s /nowhere dangling
cat dangling
echo "status $?"
ln -s file link
echo "status $?"
ln -sf dangling link
readlink link
