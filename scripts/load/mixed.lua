-- Mixed read/write load on ntm-server for wrk, driven by scripts/bench-load.sh.
--
-- bench-load.sh runs wrk with as many threads as connections (-t N -c N). A
-- wrk thread with one connection sends a request only after the previous
-- answer came back, so every response() is the answer to the thread's last
-- request(): that is what lets us count successful ratings per article (and
-- their points), votes per option and visits exactly, and non-2xx per kind.
--
-- Settings come from the environment (os.getenv works in every wrk callback):
--   LOAD_SLUGS       article slugs to read, comma separated
--   LOAD_RATE_SLUGS  article slugs to rate (rating switched on)
--   LOAD_POLL        id of the open poll;  LOAD_OPTIONS: its option ids
--   LOAD_SECONDS     run length, as given to wrk -d
--   LOAD_RESULT      file done() writes the summed counters to ("key value" lines)

-- Share of each kind of request, in percent of the total.
local MIX = {
  { "articles", 12 }, { "article", 20 }, { "site", 10 }, { "stats", 10 },
  { "poll", 10 }, { "documents", 8 },
  { "rating", 10 }, { "vote", 10 }, { "visit", 10 },
}
local WRITES = { rating = true, vote = true, visit = true }
-- Writes stop this many seconds before wrk does: wrk drops requests still in
-- flight when time is up, and a write the server committed but whose answer we
-- never saw would make the counter check disagree for no fault of the server.
-- (os.time() has whole seconds, so the write-free tail is 1 to 2 s.)
local WRITE_TAIL = 2

local function split(s)
  local t = {}
  for x in string.gmatch(s or "", "[^,]+") do t[#t + 1] = x end
  return t
end

local slugs = split(os.getenv("LOAD_SLUGS"))
local rate_slugs = split(os.getenv("LOAD_RATE_SLUGS"))
local poll = os.getenv("LOAD_POLL")
local options = split(os.getenv("LOAD_OPTIONS"))
local seconds = tonumber(os.getenv("LOAD_SECONDS") or "60")

-- Cumulative weights, so one math.random picks a kind.
local picks, total_weight = {}, 0
for _, m in ipairs(MIX) do
  total_weight = total_weight + m[2]
  picks[#picks + 1] = { total_weight, m[1] }
end

-- setup() runs in the main Lua state once per thread: number the threads (for
-- distinct random seeds) and keep them, so done() can read their counters.
local threads = {}
function setup(thread)
  thread:set("thread_no", #threads + 1)
  threads[#threads + 1] = thread
end

-- Per thread from here on. `c` is one flat table of counters (flat, because
-- thread:get copies it into the main state): "ok rating", "status vote 409",
-- "points <slug>", "option <id>", ...
c = {}
pending = nil      -- the request in flight: { kind, slug, points, option } (global: done() reads it)
local writes_until -- os.time() after which this thread only reads

local function add(key, n) c[key] = (c[key] or 0) + (n or 1) end

function init(args)
  -- Every thread has its own LuaJIT state, all seeded alike: without a
  -- distinct seed each thread would make the same "fresh" visitor ids.
  math.randomseed(os.time() * 1000 + thread_no)
  writes_until = os.time() + seconds - WRITE_TAIL
end

-- Each visitor may rate an article and vote once, and counts as one visit.
local browser = dofile("scripts/load/browser.lua")

local function pick(list) return list[math.random(#list)] end

local function post(path, body)
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/json",
    ["Cookie"] = "ntm_vid=" .. browser.visitor(),
    ["X-Forwarded-For"] = browser.address(),
  }, body)
end

function request()
  local r = math.random(total_weight)
  local kind
  for _, p in ipairs(picks) do
    if r <= p[1] then kind = p[2] break end
  end
  if WRITES[kind] and os.time() >= writes_until then kind = "article" end
  pending = { kind = kind }

  if kind == "articles" then return wrk.format("GET", "/api/articles?page=1")
  elseif kind == "article" then return wrk.format("GET", "/api/articles/" .. pick(slugs))
  elseif kind == "site" then return wrk.format("GET", "/api/site")
  elseif kind == "stats" then return wrk.format("GET", "/api/stats")
  elseif kind == "poll" then return wrk.format("GET", "/api/polls/current")
  elseif kind == "documents" then return wrk.format("GET", "/api/documents?page=1&per_page=5")
  elseif kind == "rating" then
    pending.slug, pending.points = pick(rate_slugs), math.random(1, 5)
    return post("/api/articles/" .. pending.slug .. "/rating",
      string.format('{"points":%d}', pending.points))
  elseif kind == "vote" then
    pending.option = pick(options)
    return post("/api/polls/" .. poll .. "/vote",
      string.format('{"options":[%s]}', pending.option))
  else -- visit
    return post("/api/visits", string.format('{"path":"/tin-tuc/%s"}', pick(slugs)))
  end
end

function response(status, headers, body)
  local p = pending
  pending = nil
  if not p then return end -- cannot happen with one connection per thread
  add("answered " .. p.kind)
  if status < 200 or status > 299 then
    add("status " .. p.kind .. " " .. status)
    return
  end
  add("ok " .. p.kind)
  if p.kind == "rating" then
    add("count " .. p.slug)
    add("points " .. p.slug, p.points)
  elseif p.kind == "vote" then
    add("option " .. p.option)
  end
end

function done(summary, latency, requests)
  -- Sum the threads' counters; a write still unanswered when wrk stopped
  -- (should not happen, see WRITE_TAIL) is counted as "unanswered <kind>".
  local sum = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("c")) do sum[k] = (sum[k] or 0) + v end
    local p = t:get("pending")
    if p and WRITES[p.kind] then sum["unanswered " .. p.kind] = (sum["unanswered " .. p.kind] or 0) + 1 end
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  sum["requests"] = summary.requests
  sum["errors connect"], sum["errors read"], sum["errors write"] = e.connect, e.read, e.write
  sum["errors timeout"] = e.timeout

  local function ms(us) return string.format("%.2f ms", us / 1000) end
  print("")
  print(string.format("requests        %d in %.1f s", summary.requests, secs))
  print(string.format("throughput      %.1f req/s", summary.requests / secs))
  print(string.format("latency         p50 %s  p90 %s  p99 %s  max %s  (mean %s)",
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
    ms(latency.max), ms(latency.mean)))
  print(string.format("socket errors   connect %d  read %d  write %d  timeout %d",
    e.connect, e.read, e.write, e.timeout))
  print("")
  -- (Requests still in flight when wrk stopped have no answer: reads only.)
  print(string.format("%-10s %9s %9s   %s", "kind", "answered", "2xx", "non-2xx by status"))
  for _, m in ipairs(MIX) do
    local kind, bad = m[1], {}
    for k, v in pairs(sum) do
      local status = string.match(k, "^status " .. kind .. " (%d+)$")
      if status then bad[#bad + 1] = status .. ": " .. v end
    end
    table.sort(bad)
    print(string.format("%-10s %9d %9d   %s", kind, sum["answered " .. kind] or 0,
      sum["ok " .. kind] or 0, #bad > 0 and table.concat(bad, ", ") or "-"))
  end
  print(string.format("successful writes: %d ratings, %d votes, %d visits",
    sum["ok rating"] or 0, sum["ok vote"] or 0, sum["ok visit"] or 0))

  local out = os.getenv("LOAD_RESULT")
  if out then
    local f = assert(io.open(out, "w"))
    for k, v in pairs(sum) do f:write(k, " ", tostring(v), "\n") end
    f:close()
  end
end
