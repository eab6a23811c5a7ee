echo 'root:x:0:0:root:/root:/bin/sh' | {
    IFS=: read user pw uid gid gecos home shell
    echo "$user $uid $home $shell"
}
