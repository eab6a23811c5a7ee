echo 'a b c d e' | xargs echo args:
echo 'a b c d e' | xargs -n 2 echo
printf 'one\ntwo\n' | xargs -I{} echo 'item {} done'
printf 'x\0y z\0' | xargs -0 -n1 echo
echo | xargs echo empty
printf '' | xargs -r echo never
