#!/usr/bin/env bash
# A tour of the frirom API on the Ås demo data: every role once, every id taken from the API's answers.
#
#   npm start                 # API and worker, demo data loaded on an empty database
#   bash docs/tour.sh         # FRIROM_URL=http://host:port bash docs/tour.sh for another address
#
# It stops at the first answer that is not the status it expects, printing the code and message.
# It works on any day: the booking is one to four weeks ahead, on the first evening the chosen room is
# free (Rustad skole's classroom, which the demo season does not hold), so it also runs twice in a row.
set -euo pipefail

BASE=${FRIROM_URL:-http://localhost:3000}
ANSWER=$(mktemp)
trap 'rm -f "$ANSWER"' EXIT

# js EXPR: evaluates EXPR on the JSON read from stdin (as `d`), prints the value; fails if undefined.
js() {
  node -e '
    const text = require("fs").readFileSync(0, "utf8");
    if (!text) process.exit(1); // the call before failed and said why
    const d = JSON.parse(text);
    const v = new Function("d", `return (${process.argv[1]});`)(d);
    if (v === undefined || v === null) { console.error(`not in the answer: ${process.argv[1]}`); process.exit(1); }
    console.log(typeof v === "object" ? JSON.stringify(v) : String(v));
  ' -- "$1"
}

# call STATUS METHOD PATH [TOKEN] [BODY]: prints the answer; stops unless the status is STATUS.
call() {
  local expect=$1 method=$2 path=$3 token=${4:-} body=${5:-}
  local args=(-s -o "$ANSWER" -w '%{http_code}' -X "$method" "$BASE$path")
  if [[ -n $token ]]; then args+=(-H "authorization: Bearer $token"); fi
  if [[ -n $body ]]; then args+=(-H 'content-type: application/json' --data "$body"); fi
  local status
  status=$(curl "${args[@]}") || { echo "tour: $BASE is not answering ($method $path)" >&2; exit 1; }
  if [[ $status != "$expect" ]]; then
    local why
    why=$(node -e '
      const t = require("fs").readFileSync(0, "utf8");
      try { const e = JSON.parse(t); console.log(`${e.code}: ${e.message}`); } catch { console.log(t.slice(0, 300)); }
    ' <"$ANSWER")
    echo "tour: $method $path answered $status, expected $expect — $why" >&2
    exit 1
  fi
  cat "$ANSWER"
}

step() { printf '\n== %s\n' "$*" >&2; }

# Oslo dates: today and n days ahead
day() { node -e 'const d = new Date(Date.now() + Number(process.argv[1]) * 864e5);
  console.log(d.toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" }))' -- "${1:-0}"; }

step 'Sign in: each answer carries a token (a wrong password stops the tour with 401 INVALID_CREDENTIALS)'
login() {
  call 200 POST /auth/login '' "{\"email\":\"$1@demo.frirom.no\",\"password\":\"demo-$1\"}" | js d.accessToken
}
STAFF=$(login staff)
APPLICANT=$(login applicant)
CARETAKER=$(login caretaker)
ANALYST=$(login analyst)

step 'Who am I: roles, organisations, buildings'
call 200 GET /auth/me "$APPLICANT" | js '({ roles: d.roles, organisations: d.organisationIds.length })'

step 'Anyone: buildings, rooms, the directory'
BUILDING=$(call 200 GET '/buildings?limit=100' | js 'd.items.find((b) => b.name === "Rustad skole").id')
ROOM=$(call 200 GET "/rooms?buildingId=$BUILDING" | js 'd.items.find((r) => r.name === "Klasserom 5A").id')
SEASON_ROOM=$(call 200 GET "/rooms?buildingId=$BUILDING&kind=gym" | js 'd.items[0].id')
ORG=$(call 200 GET '/public/organisations?limit=100' | js 'd.items.find((o) => o.name === "Ås Skolekorps").id')
call 200 GET '/rooms?kind=gym&minCapacity=50' | js 'd.items.map((r) => r.name).length' >/dev/null
echo "building $BUILDING, room $ROOM, organisation $ORG" >&2

step 'Free rooms: the first weekday evening one to four weeks ahead when the classroom is free 18:00–19:30'
DATE=''
for ahead in $(seq 7 28); do
  candidate=$(day "$ahead")
  free=$(call 200 GET "/public/free-rooms?date=$candidate&from=18:00&to=19:30&buildingId=$BUILDING&limit=100" |
    js "d.items.some((r) => r.id === '$ROOM')")
  if [[ $free == true ]]; then DATE=$candidate; break; fi
done
[[ -n $DATE ]] || { echo 'tour: the classroom is not free any evening in the next four weeks' >&2; exit 1; }
echo "date $DATE" >&2

step 'An organisation asks for the room weekly for four weeks; first it sees what it would cost'
BODY=$(cat <<JSON
{"organisationId":"$ORG","roomId":"$ROOM","title":"Korps: gruppeøvelse","ageGroup":"children",
 "expectedParticipants":20,"startsAt":"${DATE}T18:00","endsAt":"${DATE}T19:30",
 "recurrence":{"rrule":"FREQ=WEEKLY;COUNT=4"}}
JSON
)
call 200 POST /fees/quote "$APPLICANT" "$BODY" | js 'd.total'
REQUEST=$(call 201 POST /booking-requests "$APPLICANT" "$BODY" | js d.id)
echo "request $REQUEST" >&2

step 'Staff see open conflicts and decide: approve every free date, with a note'
call 200 GET /conflicts "$STAFF" | js 'd.total'
call 200 POST "/booking-requests/$REQUEST/approve" "$STAFF" '{"note":"Velkommen!"}' | js 'd.status'
call 200 GET "/booking-requests/$REQUEST/history" "$STAFF" | js 'd.items.map((e) => e.action)'
OCCURRENCE=$(call 200 GET "/booking-requests/$REQUEST" "$APPLICANT" |
  js 'd.occurrences.find((o) => o.status === "approved").id')

step "The caretaker sees the week in Rustad skole and confirms access"
call 200 GET "/caretaker/occurrences?from=${DATE}T00:00&to=$(day $((ahead + 7)))T00:00&buildingId=$BUILDING" "$CARETAKER" |
  js "d.items.some((o) => o.id === '$OCCURRENCE')"
call 200 POST "/booking-requests/$REQUEST/access" "$CARETAKER" \
  '{"method":"door_code","instructions":"Kode 1234 på bakdøren"}' | js 'd.access?.status ?? d.status'

step 'The caretaker records whether a booking that has taken place was used'
PAST=$(call 200 GET "/caretaker/occurrences?from=$(day -28)T00:00&to=$(day 0)T00:00" "$CARETAKER" |
  js 'd.items.filter((o) => new Date(o.endsAt) < new Date()).at(-1).id')
call 200 POST "/occurrences/$PAST/attendance" "$CARETAKER" \
  '{"status":"used","participants":14,"reason":"Telt på stedet"}' | js d.attendance

step 'Seasons: an organisation applies with ordered alternatives; staff preview the allocation'
SEASON=$(call 200 GET '/seasons?status=open' | js 'd.items[0].id')
APPLICATION=$(cat <<JSON
{"organisationId":"$ORG","seasonId":"$SEASON","title":"Korps: marsjøvelse inne","ageGroup":"children",
 "expectedParticipants":25,"sessionsPerWeek":1,
 "preferences":[{"roomId":"$SEASON_ROOM","weekday":3,"startTime":"17:00","endTime":"18:30"},
                {"roomId":"$SEASON_ROOM","weekday":4,"startTime":"17:00","endTime":"18:30"}]}
JSON
)
call 201 POST /booking-requests "$APPLICANT" "$APPLICATION" | js 'd.id'
JOB=$(call 202 POST "/seasons/$SEASON/allocate" "$STAFF" | js d.jobId)
echo "job $JOB (the worker runs it)" >&2
for _ in $(seq 1 120); do
  state=$(call 200 GET "/jobs/$JOB" "$STAFF" | js d.state)
  [[ $state == completed || $state == failed ]] && break
  sleep 1
done
[[ $state == completed ]] || { echo "tour: the allocation job is $state" >&2; exit 1; }
call 200 GET "/seasons/$SEASON/allocation" "$STAFF" | js '({ assigned: d.assignments?.length, unassigned: d.unassigned?.length })'

step 'Analysts: usage by building (format=csv for Excel), and the yearly free-use evaluation'
YEAR=$(day 0 | cut -c1-4)
call 200 GET "/stats/usage?from=$YEAR-01-01&to=$YEAR-12-31&groupBy=building" "$ANALYST" | js 'd.items.length'
call 202 POST /reports/free-use-evaluation "$ANALYST" "{\"from\":\"$((YEAR - 1))-01-01\",\"to\":\"$((YEAR - 1))-12-31\"}" |
  js 'Object.keys(d)'

step 'The public calendar of the building, and the mail outbox (staff)'
call 200 GET "/public/calendar.ics?buildingId=$BUILDING" | grep -c BEGIN:VEVENT >&2
call 200 GET '/admin/outbox?status=failed' "$STAFF" | js 'd.total'

step 'Health of the database and Redis'
call 200 GET /health | js d.status

printf '\ntour: done\n' >&2
