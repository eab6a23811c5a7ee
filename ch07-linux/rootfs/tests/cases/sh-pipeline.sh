printf 'cherry\napple\nbanana\napple\n' | sort | uniq -c | sort -rn | head -n 2
echo "one two three" | tr ' ' '\n' | wc -l
