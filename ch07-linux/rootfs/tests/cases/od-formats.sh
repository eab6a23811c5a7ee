printf 'ABC\n\001\377' > f
od -c f
od -An -tx1 f
od -An -to1 f
od -An -td1 f
od -x f
od -An -tx2 -N 4 f
