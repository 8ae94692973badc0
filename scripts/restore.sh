#!/usr/bin/env bash
# Restore a dump made by scripts/backup.sh into the PostgreSQL database named by DATABASE_URL
# (from the environment, else from .env):  scripts/restore.sh backups/20270101T030000Z.dump
#
# Everything the dump holds replaces what the database has (tables are dropped and created
# again), in one transaction: on any error nothing changes. Asks for nothing; stop the portal
# first, and restore a dump into the release that made it (then run `manage.py migrate`).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/dotenv.sh
. scripts/dotenv.sh

file="${1:-}"
if [ -z "$file" ] || [ ! -f "$file" ]; then
  echo "restore: give the dump to restore: make restore FILE=backups/<time>.dump (got '${file}')" >&2
  exit 2
fi
url="$(setting DATABASE_URL)"
case "$url" in
  postgres://* | postgresql://*) ;;
  *)
    echo "restore: DATABASE_URL must name a PostgreSQL database (postgres://USER:PASSWORD@HOST:5432/NAME)." >&2
    exit 2
    ;;
esac
command -v pg_restore >/dev/null || { echo "restore: pg_restore is missing (Debian: apt-get install postgresql-client)" >&2; exit 2; }

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
  --exit-on-error --no-password --dbname="$url" "$file"
echo "restore: $file restored"
