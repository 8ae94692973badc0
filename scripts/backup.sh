#!/usr/bin/env bash
# Dump the PostgreSQL database named by DATABASE_URL into $BACKUP_DIR/<UTC time>.dump
# (BACKUP_DIR defaults to backups/), in pg_dump's compressed custom format, and archive the
# uploaded files (DJANGO_MEDIA_ROOT, default media/) beside it as <UTC time>.media.tar.gz;
# scripts/restore.sh brings both back. With DJANGO_MEDIA_STORAGE=s3 the files are in the
# bucket, which is not archived here: its own versioning keeps them (README). The variables
# come from the environment, else from .env.
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

storage="$(setting DJANGO_MEDIA_STORAGE)"
case "${storage:-local}" in
  local) media="$(setting DJANGO_MEDIA_ROOT)" && media="${media:-media}" ;;
  s3) media="" ;;
  *) echo "backup: DJANGO_MEDIA_STORAGE must be local or s3 (got '${storage}')" >&2; exit 2 ;;
esac

dir="$(setting BACKUP_DIR)"
dir="${dir:-backups}"
mkdir -p "$dir"
stamp="$dir/$(date -u +%Y%m%dT%H%M%SZ)"
file="$stamp.dump"
archive="$stamp.media.tar.gz"
# The dump holds every account's password hash: readable by its owner only. Both files are
# written under a temporary name first, so that an interrupted backup never passes for a
# complete one, and removed if anything fails.
umask 077
trap 'rm -f "$file.partial" "$archive.partial"' EXIT
pg_dump --format=custom --no-password --file="$file.partial" --dbname="$url"

# The files after the dump: every file a row of the dump names was uploaded before it.
if [ -z "$media" ]; then
  echo "backup: uploaded files are in the bucket (DJANGO_MEDIA_STORAGE=s3): this backup does" \
    "not archive them; the bucket's own versioning keeps them (README, Backups and restores)." >&2
elif [ -d "$media" ]; then
  tar --create --gzip --file="$archive.partial" --directory="$media" .
else
  # Nothing uploaded yet: an empty archive, so that a restore empties the folder too.
  echo "backup: $media does not exist: no uploaded files to archive." >&2
  tar --create --gzip --file="$archive.partial" --files-from=/dev/null
fi
# The archive first: a dump that is there always has its files beside it.
if [ -n "$media" ]; then
  mv "$archive.partial" "$archive"
fi
mv "$file.partial" "$file"
echo "$file"
if [ -n "$media" ]; then
  echo "$archive"
fi
