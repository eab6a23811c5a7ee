trap 'echo parent trap' EXIT
(echo child)
sh -c 'trap "echo grandchild trap" EXIT; echo grandchild'
