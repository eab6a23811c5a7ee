printf 'hello\n' > five
printf '' > empty
mkdir dir
chmod 750 dir
touch -d '2020-01-02 03:04:05' five empty dir
ls -l | awk 'NR > 1 { print $1, $3, $4, $6, $7, $8, $9 }'
ls -l five empty | awk '{ print $5, $NF }'
