touch f1 f2 f3
ls | xargs rm
ls | wc -l
printf '%s\n' 1 2 3 | xargs -n1 sh -c 'exit $0'
echo "status $?"
