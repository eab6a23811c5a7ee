seq 1 2000 > f
cp f orig
gzip f
ls
[ "$(wc -c < f.gz)" -lt "$(wc -c < orig)" ] && echo smaller
gunzip f.gz
ls
cmp f orig && echo identical
