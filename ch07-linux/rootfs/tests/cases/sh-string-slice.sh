s="hello world"
echo ${#s}
echo ${s:0:5}
echo ${s:6}
