printf 'x 1\ny 1\nz 2\n' | uniq -f1
printf 'aa\nAA\nab\n' | uniq -i
