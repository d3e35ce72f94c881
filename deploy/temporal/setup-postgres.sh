#!/bin/sh
# Creates (or upgrades) the Temporal server's two databases in its own PostgreSQL: run once by the
# temporal-setup service of docker-compose.yml with temporalio/admin-tools; safe to run again.
set -eu
tool() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -u "$POSTGRES_USER" -p "$DB_PORT" "$@"; }

until nc -z -w 5 "$POSTGRES_SEEDS" "$DB_PORT"; do echo "waiting for $POSTGRES_SEEDS:$DB_PORT"; sleep 2; done

tool --db temporal create || true
tool --db temporal setup-schema -v 0.0 || true
tool --db temporal update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned

tool --db temporal_visibility create || true
tool --db temporal_visibility setup-schema -v 0.0 || true
tool --db temporal_visibility update-schema -d /etc/temporal/schema/postgresql/v12/visibility/versioned
echo "Temporal schemas are up to date"
