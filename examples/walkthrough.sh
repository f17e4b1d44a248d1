#!/usr/bin/env bash
# The README's walkthrough as one script: a team, a survey, its webhook, the example receiver,
# a response, the delivery verified by the receiver, and the delivery log.
#
#   ADMIN_PASSWORD='<password from the log>' examples/walkthrough.sh [base URL]
#
# Needs curl and Node.js (the receiver and the JSON field picking use Node.js built-ins only).
# It runs against the app started with `mvn -Prun` (which allows receivers on this machine).
set -euo pipefail
cd "$(dirname "$0")"

BASE=${1:-http://localhost:8080}
API=$BASE/api
ADMIN=${ADMIN_USER:-admin}:${ADMIN_PASSWORD:?set ADMIN_PASSWORD to the administrator password}
RECEIVER_PORT=${RECEIVER_PORT:-9000}

# field NAME: reads a JSON document on stdin and prints one of its fields ("questions.0.id" goes deeper)
field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v[k];console.log(v)})' "$1"; }
step() { printf '\n== %s\n' "$*"; }

step "1. the administrator creates a team; its API token is shown only here"
team=$(curl -sf -u "$ADMIN" -H 'Content-Type: application/json' -d '{"name":"Acme"}' "$API/teams")
echo "$team"
TEAM=$(field id <<<"$team"); TOKEN=$(field apiToken <<<"$team")

step "2. the team creates a survey (kind SURVEY) or a WhatsApp flow (kind FLOW)"
survey=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"kind":"SURVEY","title":"Checkout","tag":"feedback","questions":[{"type":"Rating","title":"Please rate us?"},{"type":"Smiley","title":"Are you satisfied?"}]}' \
  "$API/teams/$TEAM/surveys")
echo "$survey"
SURVEY=$(field id <<<"$survey"); Q1=$(field questions.0.id <<<"$survey"); Q2=$(field questions.1.id <<<"$survey")

step "3. attach a webhook; the server generates the client secret"
webhook=$(curl -sf -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/rateup\",\"enabled\":true}" "$API/teams/$TEAM/surveys/$SURVEY/webhook")
echo "$webhook"
SECRET=$(field secret <<<"$webhook")

step "4. run a receiver that verifies signatures (Node.js built-ins only)"
received=$(mktemp)
node receiver.js "$SECRET" "$RECEIVER_PORT" >"$received" 2>&1 &
receiver=$!
trap 'kill $receiver 2>/dev/null; rm -f "$received"' EXIT
until grep -q listening "$received"; do sleep 0.2; kill -0 $receiver || { cat "$received"; exit 1; }; done

step "5. a respondent submits a response (public, no token)"
curl -sf -H 'Content-Type: application/json' \
  -d "{\"phone\":\"14155552671\",\"language\":\"en\",\"answers\":[{\"questionId\":\"$Q1\",\"response\":3},{\"questionId\":\"$Q2\",\"response\":\"Happy\"}]}" \
  "$API/surveys/$SURVEY/responses"
echo
for _ in $(seq 100); do grep -q 'x-webhook-id' "$received" && break; sleep 0.2; done
cat "$received"
grep -q '^VERIFIED' "$received" || { echo "the receiver did not verify a delivery" >&2; exit 1; }

step "6. the delivery log, newest first, with every attempt"
for _ in $(seq 50); do  # the 2xx is recorded right after the receiver answered
  log=$(curl -sf -H "Authorization: Bearer $TOKEN" "$API/teams/$TEAM/surveys/$SURVEY/webhook/deliveries")
  [ "$(field 0.status <<<"$log")" = DELIVERED ] && break; sleep 0.2
done
echo "$log"
[ "$(field 0.status <<<"$log")" = DELIVERED ] || { echo "the delivery is not DELIVERED" >&2; exit 1; }
echo; echo "walkthrough complete: the delivery was signed, verified and logged"
