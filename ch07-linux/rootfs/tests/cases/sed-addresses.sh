seq 1 10 > f
sed -n '3p' f
sed -n '2,4p' f
sed '3,8d' f
sed -n '/5/,/7/p' f
sed -n '$p' f
sed '2,$!d' f | head -n 2
sed -n '/[02468]$/!p' f
