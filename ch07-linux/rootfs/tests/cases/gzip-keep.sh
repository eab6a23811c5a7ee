echo data > f
gzip -k f 2>/dev/null || gzip -c f > f.gz
gunzip -c f.gz
zcat_out=$(gunzip -c < f.gz)
echo "$zcat_out"
