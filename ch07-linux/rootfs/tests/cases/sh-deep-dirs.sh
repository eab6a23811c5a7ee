p=d
for i in 1 2 3 4 5 6 7 8 9 10; do p=$p/$i; done
mkdir -p $p
echo deep > $p/file
cat d/1/2/3/4/5/6/7/8/9/10/file
find d -type d | wc -l
rm -r d
[ -e d ] || echo gone
