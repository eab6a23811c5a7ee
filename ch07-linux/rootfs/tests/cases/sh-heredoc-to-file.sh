cat > script.txt <<END
line 1
line 2
END
wc -l < script.txt
while read l; do echo "[$l]"; done <<END
a
b
END
