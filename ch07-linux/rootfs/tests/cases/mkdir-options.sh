mkdir a
mkdir a
echo "status $?"
mkdir -p a/b/c
mkdir -p a/b/c
echo "status $?"
mkdir x/y
echo "status $?"
mkdir -m 700 private
stat -c '%a %F' a private
