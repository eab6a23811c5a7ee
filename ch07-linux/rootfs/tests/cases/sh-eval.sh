cmd='echo evaluated $((1+1))'
eval "$cmd"
var=name
eval "$var=value"
echo "$name"
