echo plain words
echo -n "no newline"; echo "|"
echo -e 'tab\there\nnewline \x41 \0101'
echo -e 'stop\c here'
echo
echo -- -n
