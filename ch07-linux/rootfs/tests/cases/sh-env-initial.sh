env | sort | grep -v '^PWD='
echo "$HOME $TERM"
