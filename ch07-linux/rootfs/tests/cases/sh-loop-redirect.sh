for i in 1 2 3; do echo "line $i"; done > loop.out
cat loop.out
while read l; do echo "got $l"; done < loop.out | tail -n 1
