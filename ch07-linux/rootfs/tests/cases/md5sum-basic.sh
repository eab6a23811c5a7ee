printf '' | md5sum
echo -n 'The quick brown fox jumps over the lazy dog' | md5sum
echo hello > f
md5sum f
md5sum f > sums
md5sum -c sums
echo changed > f
md5sum -c sums
echo "status $?"
