-- wrk script for scripts/bench-stats.sh: every request a visit of a browser
-- never seen before, so "online" grows by one each (see browser.lua).
local browser = dofile("scripts/load/browser.lua")

function init(args)
  math.randomseed(os.time() * 1000 + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 1000)
end

function request()
  return wrk.format("POST", "/api/visits", {
    ["Content-Type"] = "application/json",
    ["Cookie"] = "ntm_vid=" .. browser.visitor(),
    ["X-Forwarded-For"] = browser.address(),
  }, '{"path":"/"}')
end
