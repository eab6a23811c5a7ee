n=0
for i in $(seq 1 50); do
    n=$((n + $(echo 1)))
done
echo $n
for i in $(seq 1 20); do sh -c "exit $i"; done
echo "status $?"
