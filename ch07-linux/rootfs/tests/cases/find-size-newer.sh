echo small > small
head -c 5000 /dev/zero > big
touch -d '2020-01-01' old
touch -d '2024-01-01' ref
touch -d '2025-01-01' new
find . -type f -size +2k
find . -name '*e*' -newer ref | sort
find . -type f -empty | sort
