printf 'a:b:c:d\n1:2:3:4\n' > f
cut -d: -f2 f
cut -d: -f1,3 f
cut -d: -f2- f
echo 'no delimiter' | cut -d: -f2
echo 'no delimiter' | cut -s -d: -f2
