seq 1 3000 | awk '{ printf "%s ", $1 } NR % 20 == 0 { print "" }' > out
wc -l < out
tail -n 1 out
