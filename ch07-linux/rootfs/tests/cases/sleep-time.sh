start=$(date +%s)
sleep 1
end=$(date +%s)
[ $((end - start)) -ge 1 ] && echo "slept at least a second"
sleep 0.1 && echo "fraction ok"
sleep abc
echo "status $?"
