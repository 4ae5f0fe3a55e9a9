#!/usr/bin/env bash
# Hosted-page speed: renders per second and p50/p99 latency of GET /pay/{id} (a real session) and of
# a postback of its form, against a bare JAX-RS endpoint of the same server, in the same run; prints
# each and the ratios. See README.md.
#
#   mvn -B -pl checkout-web -am package -DskipTests && bench/page/run.sh     # starts its own Kassa
#   BASE_URL=http://localhost:8080 bench/page/run.sh                          # a Kassa already running
#   CLIENTS=16 SECONDS_RUN=30 WARMUP=15 bench/page/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

CLIENTS=${CLIENTS:-8}
SECONDS_RUN=${SECONDS_RUN:-20}
WARMUP=${WARMUP:-10}
PORT=${PORT:-18095}
KEY=sk_test_kassa_demo_4eC39HqLyjWDarjtT1zdp7dc
OUT=${OUT:-/tmp/kassa-bench-page.txt}

if [ -z "${BASE_URL:-}" ]; then
  VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
  MICRO=~/.m2/repository/fish/payara/extras/payara-micro/$VERSION/payara-micro-$VERSION.jar
  WAR=checkout-web/target/kassa.war
  [ -f "$MICRO" ] || mvn -B -q dependency:get -Dartifact=fish.payara.extras:payara-micro:$VERSION
  [ -f "$WAR" ] || { echo "build first: mvn -B -pl checkout-web -am package -DskipTests" >&2; exit 1; }
  DATA=$(mktemp -d)
  LOG=$DATA/micro.log
  # Embedded H2 in a fresh data folder, demo mode (the demo merchant and its key), as the README's
  # first command runs Kassa.
  KASSA_DATA_DIR=$DATA KASSA_MODE=demo \
    java -Xmx1g -jar "$MICRO" --nocluster --port "$PORT" --deploy "$WAR" --contextroot / >"$LOG" 2>&1 &
  PID=$!
  trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
  BASE_URL=http://localhost:$PORT
  until curl -sf "$BASE_URL/health/ready" 2>/dev/null | grep -q '"UP"'; do
    sleep 1
    kill -0 $PID 2>/dev/null || { echo "Kassa died, see $LOG" >&2; exit 1; }
  done
fi

java bench/page/PageBench.java "$BASE_URL" "$KEY" "$CLIENTS" "$SECONDS_RUN" "$WARMUP" | tee "$OUT"
