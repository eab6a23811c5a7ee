seq 1 5000 > numbers
cat numbers numbers numbers | wc -l
cat numbers > copy
cmp numbers copy && echo same
