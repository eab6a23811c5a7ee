printf '10\n9\n100\n-3\n2.5\n' | sort -n
printf '10\n9\n100\n-3\n2.5\n' | sort -nr
