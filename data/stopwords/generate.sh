#!/bin/sh
# Regenerates data/stopwords/LANG.txt, the Snowball stop-word lists
# (BSD-3-Clause, snowballstem.org) as Debian's liblingua-stopwords-perl
# packages them, for the 15 languages Snowball has lists for. The files are
# committed, so building abridge does not need the package; run this only
# to refresh them:  apt-get install liblingua-stopwords-perl && data/stopwords/generate.sh
#
# English keeps data/stopwords-en.txt (the same list, with "aren't" forms
# spelled as abridge folds them); it is not regenerated here.
set -eu
cd "$(dirname "$0")"
perl -MLingua::StopWords -e 1 2>/dev/null || {
  echo "generate.sh: Lingua::StopWords missing (Debian: apt-get install liblingua-stopwords-perl)" >&2
  exit 1
}
for lang in da de es fi fr hu id it nl no pt ro ru sv; do
  {
    echo "# Snowball stop words for '$lang' (BSD-3-Clause, snowballstem.org),"
    echo "# from Debian's liblingua-stopwords-perl by data/stopwords/generate.sh."
    echo "# One word a line, Unicode case-folded (ß as ss) and NFC as abridge folds words; do not edit by hand."
    perl -MLingua::StopWords=getStopWords -MUnicode::Normalize=NFC -Mfeature=fc -CS -e '
      my $s = getStopWords($ARGV[0], "UTF-8");
      binmode STDOUT, ":utf8";
      my %seen;
      for my $w (keys %$s) {
        utf8::decode($w) unless utf8::is_utf8($w);
        $w = NFC(fc $w);
        $w =~ s/\x{2019}/'"'"'/g;
        $seen{$w} = 1;
      }
      print "$_\n" for sort keys %seen;' "$lang"
  } > "$lang.txt.tmp"
  mv "$lang.txt.tmp" "$lang.txt"
done
