mkdir -p tree/sub
echo a > tree/a
echo b > tree/sub/b
cp -r tree copy
find copy | sort
cat copy/sub/b
cp tree other
echo "status $?"
