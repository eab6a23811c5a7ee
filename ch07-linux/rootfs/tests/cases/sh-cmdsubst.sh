a=$(echo inner)
b=`echo backticks`
c=$(echo $(echo nested $(echo deep)))
echo "$a $b $c"
lines=$(printf 'x\ny\n\n\n')
echo "[$lines]"
echo "$(false)status $?"
