yes | head -n 2
yes abc def | head -n 3
