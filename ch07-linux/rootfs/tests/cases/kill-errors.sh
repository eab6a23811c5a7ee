kill 999999
echo "status $?"
kill -l 9
kill -l TERM
kill -0 $$ && echo "self alive"
