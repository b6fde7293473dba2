# Sourced by the load benchmarks. find_targets API: real ids to aim the mixed
# load at, from the API at API: slugs (the first page of news), rate_slugs
# (the 3 newest of them with rating switched on), poll and options (the first
# poll open to every visitor; members-only ones refuse them). Also defines
# json EXPR, which runs a Python expression over the JSON on stdin (as d).
json() { python3 -c "import json, sys; d = json.load(sys.stdin); $1"; }
find_targets() {
  local api="$1" s rated=0
  slugs="$(curl -fsS "$api/articles?page=1" | json 'print(",".join(i["slug"] for i in d["items"]))')"
  rate_slugs=""
  for s in ${slugs//,/ }; do
    if ((rated < 3)) && [ "$(curl -fsS "$api/articles/$s/rating" | json 'print(d["enabled"])')" = True ]; then
      rate_slugs="${rate_slugs:+$rate_slugs,}$s" rated=$((rated + 1))
    fi
  done
  read -r poll options < <(curl -fsS "$api/polls" |
    json 'p = next(p for p in d if p["open"] and not p.get("members_only")); print(p["id"], ",".join(str(o["id"]) for o in p["options"]))')
}
