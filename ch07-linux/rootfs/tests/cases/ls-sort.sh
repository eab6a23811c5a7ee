touch -d '2020-01-01' old
touch -d '2021-01-01' new
touch -d '2019-01-01' oldest
printf '12345' > old
ls -t
ls -tr
ls -S
