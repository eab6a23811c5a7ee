printf 'a\nb\nc\n' > x
printf 'a\nB\nc\n' > y
cmp x x && echo same
cmp x y
echo "status $?"
diff x y
echo "status $?"
diff -u x y | tail -n +3
