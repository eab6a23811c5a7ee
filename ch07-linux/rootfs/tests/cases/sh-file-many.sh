for i in $(seq 1 100); do echo $i > f$i; done
ls | wc -l
cat f* | sort -n | tail -n 1
rm f*
ls | wc -l
