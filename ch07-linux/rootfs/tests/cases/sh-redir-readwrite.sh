echo hello > f
exec 3<> f
read word <&3
echo "read $word"
exec 3>&-
echo 12345 1<> f
cat f
