#!/usr/bin/env bash
# End-to-end payments benchmark: N concurrent clients create server-side payments through
# POST /api/v1/payments (sandbox gateway, saved test card) against Kassa on Payara Micro over
# PostgreSQL; then pgbench runs the same inserts, lock and commits per payment (ceiling.sql) with
# the same number of clients on the same PostgreSQL, in the same run. Prints both and the ratio.
#
#   mvn -B -pl checkout-web -am package -DskipTests && bench/payments/run.sh
#   CLIENTS=16 SECONDS_RUN=30 bench/payments/run.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres) and pgbench (postgresql-contrib).
set -euo pipefail
cd "$(dirname "$0")/../.."

CLIENTS=${CLIENTS:-8}
SECONDS_RUN=${SECONDS_RUN:-30}
WARMUP=${WARMUP:-15}
PORT=${PORT:-18090}
DB=kassa_bench
KEY=sk_test_kassa_demo_4eC39HqLyjWDarjtT1zdp7dc
VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
MICRO=~/.m2/repository/fish/payara/extras/payara-micro/$VERSION/payara-micro-$VERSION.jar
WAR=checkout-web/target/kassa.war
[ -f "$MICRO" ] || mvn -B -q dependency:get -Dartifact=fish.payara.extras:payara-micro:$VERSION
[ -f "$WAR" ] || { echo "build first: mvn -B -pl checkout-web -am package -DskipTests" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install postgresql-contrib" >&2; exit 1; }

psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
LOG=$(mktemp)
KASSA_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB KASSA_DB_USER=postgres KASSA_MODE=demo \
  java -Xmx1g -jar "$MICRO" --nocluster --port "$PORT" --deploy "$WAR" --contextroot / >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://localhost:$PORT/health/ready" 2>/dev/null | grep -q UP; do
  sleep 0.5
  kill -0 $PID 2>/dev/null || { echo "Kassa died, see $LOG" >&2; exit 1; }
done

echo "# $CLIENTS clients, ${SECONDS_RUN} s each, after a ${WARMUP} s warm-up"
java bench/payments/LoadGenerator.java "http://localhost:$PORT" "$KEY" "$CLIENTS" "$SECONDS_RUN" "$WARMUP" \
  | tee /tmp/kassa-bench-payments.txt
kill $PID; wait $PID 2>/dev/null || true
trap - EXIT

psql -h 127.0.0.1 -U postgres -q -d $DB -f bench/payments/ceiling-schema.sql
pgbench -h 127.0.0.1 -U postgres -n -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" -f bench/payments/ceiling.sql $DB \
  | tee /tmp/kassa-bench-pgbench.txt
CEILING=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' /tmp/kassa-bench-pgbench.txt)
KASSA=$(sed -n 's/.*payments_per_s=\([0-9.]*\).*/\1/p' /tmp/kassa-bench-payments.txt)
awk -v k="$KASSA" -v c="$CEILING" 'BEGIN {printf "kassa %.1f payments/s; pgbench ceiling %.1f payments/s; ratio %.3f\n", k, c, k / c}'
