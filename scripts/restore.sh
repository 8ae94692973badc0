#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh: the dump into the PostgreSQL database named by
# DATABASE_URL, and the uploaded files archived beside it (<time>.media.tar.gz) into
# DJANGO_MEDIA_ROOT (default media/), both from the environment, else from .env:
#   scripts/restore.sh backups/20270101T030000Z.dump
#
# Everything the dump holds replaces what the database has (tables are dropped and created
# again), in one transaction: on any error nothing changes. The media folder is replaced
# whole: the archive is unpacked into a new folder beside it, which then takes its place. With
# DJANGO_MEDIA_STORAGE=s3 only the database is restored (the bucket keeps its own versions).
# Asks for nothing; stop the portal first, and restore a backup into the release that made it
# (then run `manage.py migrate`).
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

storage="$(setting DJANGO_MEDIA_STORAGE)"
archive="${file%.dump}.media.tar.gz"
media=""
case "${storage:-local}" in
  local)
    if [ -f "$archive" ]; then
      media="$(setting DJANGO_MEDIA_ROOT)"
      media="${media:-media}"
      media="${media%/}"
    else
      echo "restore: no $archive beside the dump (a backup made before uploaded files were" \
        "archived): the database only; the media folder is left as it is." >&2
    fi
    ;;
  s3)
    echo "restore: uploaded files are in the bucket (DJANGO_MEDIA_STORAGE=s3): the database only;" \
      "the bucket's own versioning brings files back (README, Backups and restores)." >&2
    ;;
  *) echo "restore: DJANGO_MEDIA_STORAGE must be local or s3 (got '${storage}')" >&2; exit 2 ;;
esac

# The files are unpacked before the database is touched: a damaged archive changes nothing.
unpacked=""
retired=""
trap 'rm -rf ${unpacked:+"$unpacked"} ${retired:+"$retired"}' EXIT
if [ -n "$media" ]; then
  if mountpoint -q "$media" 2>/dev/null; then
    echo "restore: $media is a mount point, which cannot be swapped for another folder: unpack" \
      "$archive into it by hand (README, Backups and restores)." >&2
    exit 2
  fi
  parent="$(dirname "$media")"
  mkdir -p "$parent"
  unpacked="$(mktemp -d "$parent/.$(basename "$media").restore.XXXXXX")"
  # mktemp's folder is private; the archive's own "." entry, when there is one, sets the mode.
  chmod "$(printf '%o' $((0777 & ~0$(umask))))" "$unpacked"
  tar --extract --gzip --file="$archive" --directory="$unpacked"
fi

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
  --exit-on-error --no-password --dbname="$url" "$file"
echo "restore: $file restored"

if [ -n "$media" ]; then
  # Two renames on one file system: the old folder steps aside, the new one takes its name.
  if [ -e "$media" ]; then
    retired="$parent/.$(basename "$media").replaced.$$"
    mv "$media" "$retired"
  fi
  mv "$unpacked" "$media"
  unpacked=""
  echo "restore: $archive restored into $media"
fi
