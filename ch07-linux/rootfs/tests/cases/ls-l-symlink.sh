echo data > target
ln -s target link
ln -s missing dangling
ls -l link dangling | awk '{ print $1, $5, $(NF-2), $(NF-1), $NF }'
