{ echo a; echo b; } | wc -l
{ x=set; }
echo "x=$x"
