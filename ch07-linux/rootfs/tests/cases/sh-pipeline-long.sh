seq 1 1000 | grep 7 | sed 's/7/seven/' | awk '{ n++ } END { print n }' | cat | cat
