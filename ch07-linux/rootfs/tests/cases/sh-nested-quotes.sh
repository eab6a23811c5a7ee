echo "$(echo "inner \"quoted\" $(echo 'deepest')")"
