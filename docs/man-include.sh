#!/bin/sh
# The sections of abridge(1) that --help does not give, for help2man's
# --include: docs/abridge.h2m, then the help of every command that
# `abridge --help` lists (the command table), preformatted.
#   docs/man-include.sh ABRIDGE SRCDIR > abridge.h2m
set -eu
abridge=$1
srcdir=$2
cat "$srcdir/docs/abridge.h2m"
echo '[COMMANDS]'
"$abridge" --help | sed -n 's/^  abridge \([a-z][a-z]*\) .*/\1/p' | while read -r name; do
  echo '.SS'
  echo "abridge $name"
  echo '.nf'
  "$abridge" help "$name" | sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"
  echo '.fi'
done
