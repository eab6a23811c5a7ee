printf 'first\n' > a
printf 'second\nthird\n' > b
cat a b
cat a - b < a
