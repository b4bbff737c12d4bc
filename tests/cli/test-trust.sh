#!/bin/sh
# Which plugins abridge trusts (OpenSSH's StrictModes): a plugin file, its
# directory and every directory above them owned by root or the user
# abridge runs as, and writable by no one else, sticky or not; refused
# plugins never run a line of their code (not even a constructor);
# --allow-unsafe-plugins is the way out. Cases with a second user are run
# as root only (the user is created here and removed at the end).
# `abridge plugins --check` on an author's file or directory.
: "${top_srcdir:=.}"
. "$top_srcdir/tests/cli/tap.sh"
tap_use_built_abridge
# Not even the plugins the build made: only the directories a test names.
ABRIDGE_PLUGIN_SYSTEM_PATH=
export ABRIDGE_PLUGIN_SYSTEM_PATH
umask 022

FIXDIR=$top_builddir/tests/fixtures/plugins/.libs
[ -f "$FIXDIR/constructor.so" ] || bail_out "fixture plugins not built in $FIXDIR (run make check)"
T=$(pwd -P)
# Whatever is above the test's directory must be trustworthy for any test
# to mean anything.
run "$ABRIDGE" plugins --check "$FIXDIR/good.so"
[ "$rc" = 0 ] || bail_out "the build tree is not trusted ($err): build it where only you can write"

MARK=$T/constructor-ran
export ABRIDGE_FIXTURE_MARK="$MARK"

# plugin_in DIR: a copy of the fixture plugins "constructed" and "last" in DIR.
plugin_in () {
  mkdir -p "$1"
  cp "$FIXDIR/constructor.so" "$FIXDIR/good.so" "$1/"
  chmod 755 "$1/constructor.so" "$1/good.so"
}

# refused NAME DIR WHO: DIR is refused, naming WHO; no plugin code ran.
refused () {
  rm -f "$MARK"
  run "$ABRIDGE" plugins --plugin-dir "$2"
  unlike "$out" "^(constructed|last) " "$1: not loaded"
  like "$err" "^abridge: plugin (directory )?$2[^:]*: not (searched|loaded): $3" "$1: one line naming $3"
  ok "$1: the plugin's constructor never ran" test ! -e "$MARK"
}

plugin_in "$T/safe"
rm -f "$MARK"
run "$ABRIDGE" plugins --plugin-dir "$T/safe"
like "$out" "^constructed " "a plugin in a directory only root can write is loaded"
ok "… its constructor ran (so the mark means something)" test -e "$MARK"
is "$err" "" "… without a word"

plugin_in "$T/groupw"
chmod 775 "$T/groupw"
refused "a group-writable plugin directory" "$T/groupw" "$T/groupw is writable by its group \\(mode 0775\\)"

plugin_in "$T/open/sub"
chmod 777 "$T/open"
refused "a directory under a world-writable one" "$T/open/sub" "$T/open is writable by others \\(mode 0777\\)"

plugin_in "$T/sticky/sub"
chmod 1777 "$T/sticky"
refused "a directory under a sticky world-writable one, like /tmp" "$T/sticky/sub" \
  "$T/sticky is writable by others \\(mode 1777\\)"

plugin_in "$T/file"
chmod 664 "$T/file/constructor.so"
rm -f "$MARK"
run "$ABRIDGE" plugins --plugin-dir "$T/file"
like "$err" "^abridge: plugin $T/file/constructor\\.so: not loaded: $T/file/constructor\\.so is writable by its group \\(mode 0664\\) \\(--allow-unsafe-plugins loads it anyway\\)\$" \
  "a group-writable plugin file is refused, with the way out"
ok "… its constructor never ran" test ! -e "$MARK"
like "$out" "^last " "… the other plugin of the directory loads"

# A symbolic link may lead out of a trusted directory: where it leads counts.
mkdir "$T/links"
ln -s "$T/sticky/sub/constructor.so" "$T/links/constructor.so"
refused "a link in a trusted directory to a plugin under an open one" "$T/links" \
  "$T/sticky is writable by others"

run env ABRIDGE_PLUGIN_PATH="$T/groupw" "$ABRIDGE" plugins
like "$err" "^abridge: plugin directory $T/groupw: not searched: " "ABRIDGE_PLUGIN_PATH entries are checked too"

rm -f "$MARK"
run "$ABRIDGE" plugins --allow-unsafe-plugins --plugin-dir "$T/sticky/sub" --plugin-dir "$T/groupw"
like "$out" "^constructed .*/sticky/sub/constructor\\.so\$" "--allow-unsafe-plugins loads them anyway"
unlike "$err" "not (searched|loaded)" "… refusing nothing"

run "$ABRIDGE" -p constructed --plugin-dir "$T/groupw" "$top_srcdir/tests/fixtures/articles/plain.txt"
is "$rc" 4 "-p with the only copy of a plugin refused: no plugin at all (exit status 4)"

# ---- another user -----------------------------------------------------------------

if [ "$(id -u)" != 0 ]; then
  skip "plugins owned by another user" "not root: cannot create a second user"
elif ! command -v useradd >/dev/null 2>&1 || ! command -v userdel >/dev/null 2>&1; then
  skip "plugins owned by another user" "useradd/userdel not found"
else
  OTHER=abridge-t$$
  trap 'userdel "$OTHER" 2>/dev/null; chmod -R u+rwx "$TAP_TMP" 2>/dev/null; rm -rf "$TAP_TMP"' EXIT
  if ! useradd --system --no-create-home --shell /usr/sbin/nologin "$OTHER" 2>/dev/null; then
    skip "plugins owned by another user" "useradd $OTHER failed"
  else
    OUID=$(id -u "$OTHER")
    plugin_in "$T/planted"
    chown "$OTHER" "$T/planted/constructor.so"
    rm -f "$MARK"
    run "$ABRIDGE" plugins --plugin-dir "$T/planted"
    like "$err" "^abridge: plugin $T/planted/constructor\\.so: not loaded: $T/planted/constructor\\.so is owned by uid $OUID \\($OTHER\\), not by root or by the user abridge runs as" \
      "root: a plugin file another user owns is refused"
    ok "… it never ran as root" test ! -e "$MARK"
    like "$out" "^last " "… the root-owned plugin beside it loads"

    plugin_in "$T/theirs/sub"
    chown "$OTHER" "$T/theirs"
    refused "root: a directory under one another user owns" "$T/theirs/sub" \
      "$T/theirs is owned by uid $OUID \\($OTHER\\)"

    # The other user trusts root's plugins and its own, nobody else's.
    if command -v setpriv >/dev/null 2>&1; then
      chmod 755 "$TAP_TMP"
      OGID=$(id -g "$OTHER")
      plugin_in "$T/mine"
      chown -R "$OTHER" "$T/mine"
      as_other () { setpriv --reuid="$OUID" --regid="$OGID" --clear-groups "$@"; }
      run as_other "$ABRIDGE" plugins --plugin-dir "$T/safe" --plugin-dir "$T/mine"
      like "$out" "^constructed .*/safe/constructor\\.so\$" "another user loads root's plugins"
      unlike "$err" "not (searched|loaded)" "… and its own, refusing nothing"
      run as_other "$ABRIDGE" plugins --plugin-dir "$T/planted"
      like "$out" "^constructed .*/planted/constructor\\.so\$" \
        "the file root refused is the other user's own, and it loads it"
    else
      skip "another user loads root's plugins and its own" "setpriv not found"
    fi
  fi
fi

# ---- abridge plugins --check --------------------------------------------------------

run "$ABRIDGE" plugins --check "$FIXDIR/good.so"
is "$rc" 0 "plugins --check FILE: a sound plugin passes (exit 0)"
like "$out" "^last " "… and is listed"
run "$ABRIDGE" plugins --check "$FIXDIR/bad-options.so"
is "$rc" 1 "plugins --check FILE with bad option tables: exit 1"
like "$err" "option 'count': default 'three' is not an integer" "… saying what is wrong"
like "$err" "^abridge: 4 problems found\$" "… and how many problems"
run "$ABRIDGE" plugins --check "$FIXDIR/undefined-symbol.so"
is "$rc" 1 "plugins --check FILE with an undefined symbol: exit 1"
like "$err" "undefined symbol: abridge_fixture_nowhere" "… naming the symbol"
run "$ABRIDGE" plugins --check "$FIXDIR"
is "$rc" 1 "plugins --check DIR with broken plugins: exit 1"
like "$err" "wrong-abi\\.so: built for ABI 2" "… each problem said"
run "$ABRIDGE" plugins --check "$T/groupw"
is "$rc" 1 "plugins --check on an untrusted directory: exit 1"
run "$ABRIDGE" plugins --check --allow-unsafe-plugins "$T/groupw"
is "$rc" 0 "… passes with --allow-unsafe-plugins"
mkdir "$T/empty"
run "$ABRIDGE" plugins --check "$T/empty"
is "$rc" 1 "plugins --check on a directory without plugins: exit 1"
like "$err" "no plugin found" "… says so"
run "$ABRIDGE" plugins --check "$T/nonexistent.so"
is "$rc" 1 "plugins --check on a file that is not there: exit 1"
(cd "$FIXDIR" && "$ABRIDGE" plugins --check good.so >/dev/null 2>&1)
is "$?" 0 "plugins --check takes a FILE relative to the current directory"
run "$ABRIDGE" plugins --check a b
is "$rc" 2 "plugins --check with two operands: usage error"
run env -u ABRIDGE_PLUGIN_SYSTEM_PATH "$ABRIDGE" plugins --check
is "$rc" 0 "plugins --check with nothing: the search path, here only the shipped plugins"

done_testing
