#!/bin/sh
# A pg_dump of the ExportDesk team server's database, for cron or deploy/exportdesk-backup.timer.
#   EXPORTDESK_DATA     the server's data folder (default /var/lib/exportdesk-server): the embedded
#                       PostgreSQL's port, user, password and database are read from its server.json
#   EXPORTDESK_PG       or the URL of an existing PostgreSQL (--pg mode)
#   EXPORTDESK_BACKUPS  where the dumps go (default /var/backups/exportdesk-server), kept KEEP_DAYS (14)
# pg_dump must be PostgreSQL 18 or newer (it refuses a newer server): on Debian,
# postgresql-client-18 from apt.postgresql.org. Restore: pg_restore --clean --if-exists -d <url> <file>.
set -eu
DATA=${EXPORTDESK_DATA:-/var/lib/exportdesk-server}
OUT=${EXPORTDESK_BACKUPS:-/var/backups/exportdesk-server}
KEEP_DAYS=${KEEP_DAYS:-14}
if [ -n "${EXPORTDESK_PG:-}" ]; then
  URL=$EXPORTDESK_PG
else
  URL=$(node -e '
    const e = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).embedded;
    if (!e) { console.error("no embedded PostgreSQL in " + process.argv[1]); process.exit(1); }
    const c = encodeURIComponent;
    console.log(`postgres://${c(e.user)}:${c(e.password)}@127.0.0.1:${e.port}/${c(e.database)}`);
  ' "$DATA/server.json")
fi
mkdir -p "$OUT"
FILE="$OUT/exportdesk-$(date -u +%Y-%m-%dT%H-%M-%SZ).dump"
trap 'rm -f "$FILE.part"' EXIT
pg_dump --format=custom --file="$FILE.part" "$URL"
mv "$FILE.part" "$FILE"
find "$OUT" -name 'exportdesk-*.dump' -mtime +"$KEEP_DAYS" -delete
echo "$FILE"
