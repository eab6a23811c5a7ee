printf 'one 1\ntwo 2\nthree 3\n' > pairs
while read name number; do
    echo "$number:$name"
done < pairs
