#!/bin/sh
# Migrations and the page tree are idempotent: running them at every start is safe.
set -e
python manage.py migrate --noinput
python manage.py setup_site
exec "$@"
