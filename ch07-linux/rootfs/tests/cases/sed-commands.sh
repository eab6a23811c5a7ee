printf 'a\nb\nc\n' > f
sed '2i\
inserted' f
sed '2a\
appended' f
sed '2c\
changed' f
sed 'y/abc/xyz/' f
sed -n '=' f
sed '$!N;s/\n/+/' f
