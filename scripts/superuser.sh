#!/usr/bin/env bash
# The first staff account (`make superuser`). At a terminal, Django asks its questions.
# Without one (a deploy script, a provisioning tool), the account comes from
# DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL and DJANGO_SUPERUSER_PASSWORD, and a missing
# one is an error: never Django's silent « skipped » with exit status 0, never an account
# created without a password.
set -euo pipefail
cd "$(dirname "$0")/.."
manage=(.venv/bin/python manage.py createsuperuser)

if [ -t 0 ] && [ -z "${DJANGO_SUPERUSER_PASSWORD:-}" ]; then
  exec "${manage[@]}"
fi
missing=()
for name in USERNAME EMAIL PASSWORD; do
  variable="DJANGO_SUPERUSER_$name"
  [ -n "${!variable:-}" ] || missing+=("$variable")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "make superuser: no terminal to ask the questions, and ${missing[*]} not set." >&2
  echo "Run it at a terminal, or set DJANGO_SUPERUSER_USERNAME, DJANGO_SUPERUSER_EMAIL and" >&2
  echo "DJANGO_SUPERUSER_PASSWORD (see README, « The two commands »)." >&2
  exit 2
fi
exec "${manage[@]}" --noinput
