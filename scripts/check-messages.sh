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

# One line a message (--no-wrap); the header is the one entry whose msgid is empty.
entries() { msgattrib --no-wrap "$@" "$fresh" | grep -E '^(#~ )?msgid "[^"]' || true; }
untranslated=$(entries --untranslated --no-obsolete)
fuzzy=$(entries --only-fuzzy --no-obsolete)
stale=$(entries --only-obsolete)
rm -f "$fresh"
if [ -n "$untranslated$fuzzy$stale" ]; then
  echo "locale/fr does not match the code. Run 'make messages-update', translate the empty" >&2
  echo "entries and remove each '#, fuzzy' mark." >&2
  [ -n "$untranslated" ] && printf 'Untranslated:\n%s\n' "$untranslated" >&2
  [ -n "$fuzzy" ] && printf 'Fuzzy:\n%s\n' "$fuzzy" >&2
  [ -n "$stale" ] && printf 'No longer used:\n%s\n' "$stale" >&2
  exit 1
fi
echo "French catalogue complete and up to date"
