a='single $quoted'
b="double $a"
echo "$b"
echo 'it'"'"'s'
echo "tab:\t|" 'bs:\\'
echo \$HOME \"quoted\"
printf '%s\n' "a  b" a\ \ b
