mkdir -p d/sub
touch d/file
ls -ld d | awk '{ print $1, $2, $NF }'
ls d
ls -d d/*
