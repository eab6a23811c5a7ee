export V=exported
W=plain
sh -c 'echo "V=$V W=$W"'
W=prefix sh -c 'echo "W=$W"'
echo "W=$W"
