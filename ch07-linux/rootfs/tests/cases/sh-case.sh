for x in apple banana cherry 42 -v ""; do
    case "$x" in
    a*) echo "$x: starts with a" ;;
    *an*) echo "$x: has an" ;;
    [0-9]*) echo "$x: number" ;;
    -v|--verbose) echo "$x: option" ;;
    "") echo "empty" ;;
    *) echo "$x: other" ;;
    esac
done
