-- wrk script for scripts/bench-soak.sh: the mix of mixed.lua at a set pace.
-- Each of wrk's threads (one connection each) waits LOAD_PACE_MS between
-- its requests, so N connections send about N * 1000 / LOAD_PACE_MS a second.
dofile("scripts/load/mixed.lua")
local pace = tonumber(os.getenv("LOAD_PACE_MS") or "0")
function delay() return pace end
