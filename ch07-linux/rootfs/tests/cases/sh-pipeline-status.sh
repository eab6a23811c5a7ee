false | true; echo $?
true | false; echo $?
echo data | (read x; exit 4); echo $?
