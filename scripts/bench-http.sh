#!/usr/bin/env bash
# HTTP throughput and latency of the register under wrk, release build, 127.0.0.1.
#   scripts/bench-http.sh DB.sqlite [SECONDS]     (or DATABASE_URL=postgres://… scripts/bench-http.sh - [SECONDS])
# DB.sqlite: a database filled by `binausaha bench import` (e.g. 1,000,000 people). The script
# adds an operator of 16.02 (OKI) and an API token, starts the server, warms the register
# index, then runs wrk (2 threads, 16 connections) on: one person by id (one-row JSON), random
# 50-row API pages, random HTML register pages; and prints requests/s, latency p50/p99 and
# non-2xx answers side by side. Needs wrk (Debian package `wrk`).
set -euo pipefail
cd "$(dirname "$0")/.."
db="$1"
seconds="${2:-15}"
bin=.build/release/binausaha
port=18089
base="http://127.0.0.1:$port"
export BINAUSAHA_DB="$db" PORT=$port LOG_LEVEL=warning

echo 'bench-http-sandi-1' | $bin users create --username bench.oki --role operator_kabkota --region 16.02 >/dev/null 2>&1 || true
token=$($bin tokens create --username bench.oki --label bench-http --days 1 2>/dev/null | tail -n 1)
$bin serve >/tmp/bench-http-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "$base/health" >/dev/null && break; sleep 0.2; done

auth="Authorization: Bearer $token"
start=$(date +%s.%N)
curl -sf -H "$auth" "$base/api/v1/beneficiaries?page=1" >/dev/null
echo "first register page (builds the index): $(echo "$(date +%s.%N) - $start" | bc) s"
id=$(curl -sf -H "$auth" "$base/api/v1/beneficiaries?page=7" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
pages=$(curl -sf -H "$auth" "$base/api/v1/beneficiaries?page=1" | python3 -c 'import json,sys; print(max(1, json.load(sys.stdin)["total"] // 50))')

# A browser sign-in for the HTML page (double-submit CSRF: any token, the same in cookie and form).
cookie=$(curl -s -o /dev/null -D - -H 'Cookie: bu_csrf=bench' \
  --data-urlencode 'username=bench.oki' --data-urlencode 'password=bench-http-sandi-1' --data-urlencode '_csrf=bench' \
  "$base/login" | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(bu_session=[^;]*\).*/\1/p' | head -n 1)

lua=$(mktemp --suffix .lua)
cat >"$lua" <<LUA
math.randomseed(os.time())
local pages = $pages
request = function()
  return wrk.format("GET", string.format(wrk.path, math.random(1, pages)))
end
done = function(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, bad))
end
LUA

run() {
  local label="$1" path="$2" header="$3"
  local line
  line=$(wrk -t2 -c16 -d"${seconds}s" -s "$lua" -H "$header" "$base$path" | grep '^RESULT')
  read -r _ rps p50 p99 total bad <<<"$line"
  printf '%-44s %8s req/s   p50 %7s ms   p99 %7s ms   %7s requests   %s errors\n' "$label" "$rps" "$p50" "$p99" "$total" "$bad"
  eval "rps_$4=$rps"
}

echo "wrk: 2 threads, 16 connections, ${seconds} s each; 16.02 has $((pages * 50)) people ($pages pages)"
run "one person by id (JSON, one row)" "/api/v1/beneficiaries/$id?x=%d" "$auth" one
run "random 50-row page of 16.02 (JSON)" "/api/v1/beneficiaries?page=%d" "$auth" json
run "random register page of 16.02 (HTML, 50 rows)" "/beneficiaries?page=%d" "Cookie: $cookie" html
printf 'JSON page / one row: %.0f %%   HTML page / one row: %.0f %%   (target ≥ 50 %%)\n' \
  "$(echo "100 * $rps_json / $rps_one" | bc -l)" "$(echo "100 * $rps_html / $rps_one" | bc -l)"
