printf 'bob:25:london\nalice:30:paris\ncarol:25:berlin\n' > people
sort -t: -k2,2n -k1,1 people
sort -t: -k3 people
sort -u -t: -k2,2 people
