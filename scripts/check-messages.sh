#!/usr/bin/env bash
# Fail when the French catalogue does not match the code: a string the code uses that the
# catalogue lacks or leaves untranslated or fuzzy, or an entry no code uses any more.
# It extracts the strings again into a copy of the catalogue, so it cannot pass on a catalogue
# that was simply not refreshed. Run from the project folder (or the folder given).
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
po=locale/fr/LC_MESSAGES/django.po
python=${PYTHON:-.venv/bin/python}

saved=$(mktemp)
cp "$po" "$saved"
trap 'cp "$saved" "$po"; rm -f "$saved"' EXIT
DEBUG=1 "$python" manage.py makemessages -l fr --ignore=.venv --ignore=node_modules \
  --no-location -v0
fresh=$(mktemp)
cp "$po" "$fresh"

# msgfmt counts translated, fuzzy and untranslated messages (the header aside); msgattrib lists
# those no code uses any more (« #~ » entries).
statistics=$(LC_ALL=C msgfmt --statistics -o /dev/null "$fresh" 2>&1)
untranslated=$(grep -oE '[0-9]+ untranslated' <<<"$statistics" | grep -oE '[0-9]+' || echo 0)
fuzzy=$(grep -oE '[0-9]+ fuzzy' <<<"$statistics" | grep -oE '[0-9]+' || echo 0)
stale=$(msgattrib --only-obsolete "$fresh" | grep -c '^#~ msgid "' || true)
if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ] || [ "$stale" -gt 0 ]; then
  echo "locale/fr does not match the code: $untranslated untranslated, $fuzzy fuzzy," \
    "$stale no longer used. Run 'make messages-update', translate the empty entries and" \
    "remove each '#, fuzzy' mark:" >&2
  # Paragraph mode: one entry a record; the first is the catalogue's header.
  for selection in --untranslated --only-fuzzy --only-obsolete; do
    msgattrib "$selection" "$fresh" | awk 'BEGIN { RS = ""; ORS = "\n\n" } NR > 1' >&2 || true
  done
  rm -f "$fresh"
  exit 1
fi
rm -f "$fresh"
echo "French catalogue complete and up to date"
