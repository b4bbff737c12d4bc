# tap.sh: a tiny TAP producer for POSIX sh test scripts.
#
# Source it, then:
#   run CMD [ARG...]          runs CMD with stdin from /dev/null; sets $out
#                             (stdout), $err (stderr), $rc (exit status), and
#                             leaves the exact bytes in $TAP_OUT and $TAP_ERR
#   run_in FILE CMD [ARG...]  the same with stdin read from FILE
#   run_out FILE CMD [ARG...] the same with stdout written to FILE ($out empty)
#   ok NAME CMD [ARG...]      passes when CMD succeeds
#   is GOT EXPECTED NAME      passes when the strings are equal
#   isnt GOT UNEXPECTED NAME
#   like TEXT ERE NAME        passes when a line of TEXT matches grep -E ERE
#   unlike TEXT ERE NAME      passes when no line of TEXT matches
#   cmp_ok A OP B NAME        passes when test A OP B (-eq, -lt, -le, ...)
#   pass NAME / fail NAME     an outcome decided by the caller
#   skip NAME REASON          a test that cannot run here (# SKIP)
#   diag MSG... / note MSG... "# " lines (diag when something went wrong)
#   nlines TEXT               the number of lines in TEXT (0 when empty)
#   plan N                    the plan up front, or
#   done_testing              the plan at the end (call it last)
#
# The temporary directory $TAP_TMP is removed when the script exits.

_tap_n=0
_tap_failed=0
_tap_planned=

TAP_TMP=$(mktemp -d "${TMPDIR:-/tmp}/tap.XXXXXX") || {
  echo "Bail out! cannot create a temporary directory"
  exit 1
}
TAP_OUT=$TAP_TMP/.tap-stdout
TAP_ERR=$TAP_TMP/.tap-stderr
trap 'chmod -R u+rwx "$TAP_TMP" 2>/dev/null; rm -rf "$TAP_TMP"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# Prints each line of its arguments (or of stdin, without arguments) as a
# TAP comment.
_tap_comment () {
  if [ $# -gt 0 ]; then
    printf '%s\n' "$*"
  else
    cat
  fi | sed 's/^/# /'
}

diag () { _tap_comment "$@"; }
note () { _tap_comment "$@"; }

bail_out () {
  echo "Bail out! $*"
  exit 99
}

plan () {
  _tap_planned=$1
  echo "1..$1"
}

done_testing () {
  if [ -z "$_tap_planned" ]; then
    echo "1..$_tap_n"
  elif [ "$_tap_planned" -ne "$_tap_n" ]; then
    diag "planned $_tap_planned tests but ran $_tap_n"
    _tap_failed=$((_tap_failed + 1))
  fi
  if [ "$_tap_failed" -gt 0 ]; then
    diag "failed $_tap_failed of $_tap_n tests"
    exit 1
  fi
  exit 0
}

pass () {
  _tap_n=$((_tap_n + 1))
  echo "ok $_tap_n - $1"
}

fail () {
  _tap_n=$((_tap_n + 1))
  _tap_failed=$((_tap_failed + 1))
  echo "not ok $_tap_n - $1"
}

skip () {
  _tap_n=$((_tap_n + 1))
  echo "ok $_tap_n - $1 # SKIP ${2:-}"
}

# Shows the last command's outcome after a failure.
_tap_last_run () {
  if [ -n "${_tap_cmd:-}" ]; then
    diag "command: $_tap_cmd"
    diag "exit status: $rc"
    if [ -s "$TAP_ERR" ]; then
      diag "stderr:"
      head -n 20 "$TAP_ERR" | _tap_comment
    fi
  fi
}

ok () {
  _tap_name=$1
  shift
  if "$@"; then
    pass "$_tap_name"
  else
    fail "$_tap_name"
    diag "check failed: $*"
    _tap_last_run
  fi
}

is () {
  if [ "$1" = "$2" ]; then
    pass "$3"
  else
    fail "$3"
    diag "expected:"
    _tap_comment "'$2'"
    diag "got:"
    _tap_comment "'$1'"
    _tap_last_run
  fi
}

isnt () {
  if [ "$1" != "$2" ]; then
    pass "$3"
  else
    fail "$3"
    diag "expected anything but:"
    _tap_comment "'$2'"
    _tap_last_run
  fi
}

like () {
  if printf '%s\n' "$1" | grep -Eq -- "$2"; then
    pass "$3"
  else
    fail "$3"
    diag "expected a line matching: $2"
    diag "got:"
    printf '%s\n' "$1" | head -n 20 | _tap_comment
    _tap_last_run
  fi
}

unlike () {
  if printf '%s\n' "$1" | grep -Eq -- "$2"; then
    fail "$3"
    diag "expected no line matching: $2"
    diag "matching lines:"
    printf '%s\n' "$1" | grep -E -- "$2" | head -n 20 | _tap_comment
    _tap_last_run
  else
    pass "$3"
  fi
}

cmp_ok () {
  if test "$1" "$2" "$3" 2>/dev/null; then
    pass "$4"
  else
    fail "$4"
    diag "expected: $1 $2 $3"
    _tap_last_run
  fi
}

nlines () {
  if [ -z "$1" ]; then
    echo 0
  else
    printf '%s\n' "$1" | wc -l | tr -d ' '
  fi
}

# out and err are for the sourcing script.
# shellcheck disable=SC2034
_tap_collect () {
  rc=$1
  out=$(cat "$TAP_OUT")
  err=$(cat "$TAP_ERR")
}

run () {
  _tap_cmd="$*"
  "$@" </dev/null >"$TAP_OUT" 2>"$TAP_ERR"
  _tap_collect $?
}

run_in () {
  _tap_in=$1
  shift
  _tap_cmd="$* < $_tap_in"
  "$@" <"$_tap_in" >"$TAP_OUT" 2>"$TAP_ERR"
  _tap_collect $?
}

run_out () {
  _tap_to=$1
  shift
  _tap_cmd="$* > $_tap_to"
  "$@" </dev/null >"$_tap_to" 2>"$TAP_ERR"
  _tap_rc=$?
  : >"$TAP_OUT"
  _tap_collect $_tap_rc
}

# For abridge's own scripts, after `: "${top_srcdir:=.}"` and sourcing this
# file (make check sets top_srcdir, top_builddir and ABRIDGE): makes them
# absolute, as the script then works in $TAP_TMP; bails out without a built
# abridge; and searches only the plugins the build made (or those a test
# names), whatever the caller's environment says.
tap_use_built_abridge () {
  : "${top_builddir:=$top_srcdir}"
  : "${ABRIDGE:=$top_builddir/abridge}"
  case $top_srcdir in /*) ;; *) top_srcdir=$(cd "$top_srcdir" && pwd) ;; esac
  case $top_builddir in /*) ;; *) top_builddir=$(cd "$top_builddir" && pwd) ;; esac
  case $ABRIDGE in /*) ;; *) ABRIDGE=$PWD/$ABRIDGE ;; esac
  [ -x "$ABRIDGE" ] || bail_out "no abridge to test at $ABRIDGE"
  ABRIDGE_PLUGIN_PATH=
  export ABRIDGE_PLUGIN_PATH
  unset ABRIDGE_PLUGIN_SYSTEM_PATH ABRIDGE_PLUGIN_VERBOSE
  cd "$TAP_TMP" || bail_out "cannot cd to $TAP_TMP"
}

# tap_need_commands NAME COMMAND...: ends the script with one skipped test
# NAME, saying which are missing, unless every COMMAND is found.
tap_need_commands () {
  _tap_need=$1
  shift
  _tap_missing=
  for _tap_c in "$@"; do
    command -v "$_tap_c" >/dev/null 2>&1 || _tap_missing="$_tap_missing $_tap_c"
  done
  if [ -n "$_tap_missing" ]; then
    skip "$_tap_need" "not found:$_tap_missing"
    done_testing
  fi
}
