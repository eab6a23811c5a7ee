for word in alpha "beta gamma" delta; do
    echo "word: $word"
done
for i in $(seq 3); do printf '%s,' "$i"; done
echo
