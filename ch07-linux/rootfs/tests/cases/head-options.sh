seq 1 20 > f
head f
head -n 3 f
head -c 5 f
echo
head -n -17 f
printf 'a\nb\n' > g
head -n 1 f g
