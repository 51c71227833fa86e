#!/usr/bin/env bash
# API fuzzing from the served OpenAPI document (schemathesis, PyPI), signed in as the
# provincial admin and as a kab/kota operator. Fails on any server error, crash, status code
# or response body outside the document, or a wrong answer to a method the path lacks.
#   scripts/schemathesis.sh BINARY SHARED_DATA_DIR ARTIFACTS_DIR [MAX_EXAMPLES]
set -euo pipefail
binary="$1"; shared="$2"; artifacts="$3"; examples="${4:-25}"
port=8767
work="$(mktemp -d)"
mkdir -p "$artifacts/schemathesis"
python3 -c "import schemathesis" 2>/dev/null || pip install -q schemathesis

cd "$work"
if [ -f "$shared/regions/villages_16.csv" ]; then
  "$binary" regions import "$shared/regions/districts_16.csv" --db st.sqlite | tail -n 1
  "$binary" regions import "$shared/regions/villages_16.csv" --db st.sqlite | tail -n 1
fi
"$binary" demo --db st.sqlite | tail -n 1
printf '%s\n' 'fuzz-admin-sandi-123' | "$binary" users create --username fuzz.admin --role admin_provinsi --db st.sqlite
printf '%s\n' 'fuzz-operator-sandi-123' | "$binary" users create --username fuzz.operator --role operator_kabkota --region 16.02 --db st.sqlite
admin_token="$("$binary" tokens create --username fuzz.admin --db st.sqlite | tail -n 1)"
operator_token="$("$binary" tokens create --username fuzz.operator --db st.sqlite | tail -n 1)"

"$binary" serve --db st.sqlite --port "$port" >"$artifacts/schemathesis/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
python3 - "$port" <<'PY'
import sys, time, urllib.request
for _ in range(150):
    try:
        if urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=2).status == 200:
            sys.exit(0)
    except Exception:
        time.sleep(0.2)
sys.exit("server did not start")
PY
kill -0 "$server" || { echo "the server did not start"; cat "$artifacts/schemathesis/serve.log"; exit 1; }

checks=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,unsupported_method
status=0
run() { # name token extra-args…
  local name="$1" token="$2"; shift 2
  local out="$artifacts/schemathesis/$name.txt"
  for attempt in 1 2 3; do
    echo "== schemathesis as $name $* (attempt $attempt)"
    if schemathesis run "http://127.0.0.1:$port/api/openapi.json" -H "Authorization: Bearer $token" --checks "$checks" \
      --workers 2 --max-examples "$examples" --request-timeout 20 --suppress-health-check all --continue-on-failure \
      --report junit --report-dir "$artifacts/schemathesis/$name" "$@" >"$out" 2>&1; then
      tail -n 4 "$out"
      return
    fi
    tail -n 4 "$out"
    # Python 3.11's AST bug inside hypothesis (coverage phase) raises in the tool itself, on a
    # random operation; a run whose only problem is that error is run again with a new seed.
    # Any failure of the server's answers, or the error three times, fails the step.
    if grep -q "FAILURES" "$out" || ! grep -q "AST constructor recursion depth mismatch" "$out"; then
      break
    fi
    cp "$out" "$out.attempt$attempt"
  done
  status=1
}
for who in admin operator; do
  token="$admin_token"; [ "$who" = operator ] && token="$operator_token"
  run "$who" "$token" --exclude-path /api/v1/beneficiaries/import
  # The CSV body trips a Python 3.11 AST bug in schemathesis's coverage phase; the other
  # phases still send it thousands of generated bodies.
  run "$who-import" "$token" --include-path /api/v1/beneficiaries/import --phases examples,fuzzing,stateful
done
kill -0 "$server" || { echo "the server died during the run"; status=1; }
if grep -q "Fatal error" "$artifacts/schemathesis/serve.log"; then echo "the server trapped"; status=1; fi
[ "$status" -eq 0 ] && echo "schemathesis: no failures" || { echo "schemathesis: failures, see $artifacts/schemathesis"; grep -h -A12 "^Failures:" "$artifacts"/schemathesis/*.txt || true; }
exit "$status"
