printf 'alice 30 paris\nbob 25 london\ncarol 35 berlin\n' > f
awk '{ print $1 }' f
awk '{ print $3, $1 }' f
awk '{ print NR ": " $0 " (" NF " fields)" }' f
awk '$2 > 28 { print $1 }' f
awk '{ print $NF }' f
