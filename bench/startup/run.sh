#!/usr/bin/env bash
# Start-up time and memory of Kassa's WAR on Payara Micro, against a baseline measured in the same
# run: the same Payara Micro serving a WAR with one static page (Micro without any application
# does not answer HTTP at all). Prints milliseconds to ready and RSS after ready.
#
#   bench/startup/run.sh            # needs: mvn -B install -DskipTests (for checkout-web/target/kassa.war)
#   RUNS=5 bench/startup/run.sh
#
# "Ready" is the first answer of /health/ready with status UP (Kassa: database answers and every
# migration ran), or, for the baseline, the first answer of its page.
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-3}
PORT=${PORT:-18080}
VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
MICRO=~/.m2/repository/fish/payara/extras/payara-micro/$VERSION/payara-micro-$VERSION.jar
WAR=checkout-web/target/kassa.war
[ -f "$MICRO" ] || mvn -B -q dependency:get -Dartifact=fish.payara.extras:payara-micro:$VERSION
[ -f "$WAR" ] || { echo "build first: mvn -B install -DskipTests" >&2; exit 1; }

BASELINE=$(mktemp -d)/baseline.war
( d=$(mktemp -d) && echo '<!DOCTYPE html><title>UP</title>' > "$d/index.html" && cd "$d" && jar cf "$BASELINE" index.html )

measure() { # $1 label, $2 url to poll, rest: extra micro args
  local label=$1 url=$2; shift 2
  local data; data=$(mktemp -d)
  local t0; t0=$(date +%s%N)
  KASSA_DATA_DIR=$data java -jar "$MICRO" --nocluster --port "$PORT" "$@" >"$data/micro.log" 2>&1 &
  local pid=$!
  until curl -sf "$url" 2>/dev/null | grep -q UP; do
    sleep 0.2
    kill -0 $pid 2>/dev/null || { echo "$label: Payara Micro died, see $data/micro.log" >&2; return 1; }
  done
  local t1; t1=$(date +%s%N)
  sleep 2
  local rss; rss=$(ps -o rss= -p $pid)
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
  echo "$label $(( (t1 - t0) / 1000000 )) $(( rss / 1024 ))"
}

echo "# label ms_to_ready rss_mib"
for i in $(seq "$RUNS"); do
  measure baseline "http://localhost:$PORT/" --deploy "$BASELINE" --contextroot /
  measure kassa "http://localhost:$PORT/health/ready" --deploy "$WAR" --contextroot /
done | tee /tmp/kassa-startup.txt
awk '/^baseline/ {bt+=$2; br+=$3; n++} /^kassa/ {kt+=$2; kr+=$3}
     END {printf "mean baseline %.1f s %d MiB; kassa %.1f s %d MiB; ratio time %.2f, memory %.2f\n",
          bt/n/1000, br/n, kt/n/1000, kr/n, kt/bt, kr/br}' /tmp/kassa-startup.txt
