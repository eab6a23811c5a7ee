[ 1 -eq 1 -a 2 -eq 2 ] && echo "and"
[ 1 -eq 2 -o 2 -eq 2 ] && echo "or"
[ ! 1 -eq 2 ] && echo "not"
[ \( 1 -eq 1 \) ] && echo "parens"
touch a; sleep 0.01; touch -d '2030-01-01' b
[ b -nt a ] && echo "newer"
[ a -ot b ] && echo "older"
