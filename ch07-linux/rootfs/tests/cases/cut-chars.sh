echo 'abcdefghij' > f
cut -c1-3 f
cut -c5- f
cut -c2,4,6 f
cut -b -4 f
