#!/usr/bin/env bash
# Fail when the French catalogue has an untranslated or fuzzy entry.
set -euo pipefail
cd "$(dirname "$0")/.."
po=locale/fr/LC_MESSAGES/django.po
untranslated=$(msgattrib --untranslated --no-obsolete "$po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
# msgattrib prints the header entry too when it prints anything.
if [ "$untranslated" -gt 0 ] || [ "$fuzzy" -gt 0 ]; then
  echo "locale/fr: untranslated or fuzzy entries (run 'make messages-update' and review):" >&2
  msgattrib --untranslated --only-fuzzy --no-obsolete "$po" >&2 || true
  exit 1
fi
echo "French catalogue complete"
