a=1 b="two words"
c=$a$a
echo "$a" "$b" "$c"
echo ${#b}
unset a
echo "[$a]"
