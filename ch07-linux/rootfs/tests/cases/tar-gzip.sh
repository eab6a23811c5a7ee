mkdir d
seq 1 1000 > d/numbers
tar czf d.tgz d
rm -r d
tar tzf d.tgz | sort
tar xzf d.tgz
tail -n 1 d/numbers
