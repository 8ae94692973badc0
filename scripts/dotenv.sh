# Sourced by the scripts beside it. `setting NAME` prints the environment's NAME or, when it
# is not set there, the value of the last NAME= line of .env (as the settings read it: the
# environment wins), without surrounding quotes.
setting() {
  if [ -n "${!1+set}" ]; then
    printf '%s' "${!1}"
  elif [ -f .env ]; then
    sed -n "s/^$1=//p" .env | tail -n 1 | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'\$/\1/"
  fi
}
