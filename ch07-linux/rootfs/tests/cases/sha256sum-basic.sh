printf '' | sha256sum
echo -n abc | sha256sum
seq 1 10000 > f
sha256sum f
sha256sum f > sums
sha256sum -c sums
