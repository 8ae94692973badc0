#!/usr/bin/env bash
# Dump the PostgreSQL database named by DATABASE_URL into $BACKUP_DIR/<UTC time>.dump
# (BACKUP_DIR defaults to backups/), in pg_dump's compressed custom format, readable by
# scripts/restore.sh. Both variables come from the environment, else from .env.
# Needs pg_dump of the server's major version or newer (Debian: postgresql-client).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/dotenv.sh
. scripts/dotenv.sh

url="$(setting DATABASE_URL)"
case "$url" in
  postgres://* | postgresql://*) ;;
  *)
    echo "backup: DATABASE_URL must name a PostgreSQL database (postgres://USER:PASSWORD@HOST:5432/NAME);" \
      "there is nothing to back up with pg_dump otherwise." >&2
    exit 2
    ;;
esac
command -v pg_dump >/dev/null || { echo "backup: pg_dump is missing (Debian: apt-get install postgresql-client)" >&2; exit 2; }

dir="$(setting BACKUP_DIR)"
dir="${dir:-backups}"
mkdir -p "$dir"
file="$dir/$(date -u +%Y%m%dT%H%M%SZ).dump"
# The dump holds every account's password hash: readable by its owner only. Written under a
# temporary name first, so that an interrupted dump never passes for a complete backup.
umask 077
pg_dump --format=custom --no-password --file="$file.partial" --dbname="$url"
mv "$file.partial" "$file"
echo "$file"
