-- wrk script for scripts/bench-stats.sh: every request a visit of a browser
-- never seen before (a fresh ntm_vid cookie), so "online" grows by one each;
-- from an address of its own (X-Forwarded-For, with --trust-forwarded-for),
-- as browsers are, so the per-address cap counts a few rows, not all.
function init(args)
  math.randomseed(os.time() * 1000 + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % 1000)
end

local function visitor()
  local parts = {}
  for i = 1, 8 do parts[i] = string.format("%04x", math.random(0, 0xffff)) end
  return table.concat(parts)
end

function request()
  return wrk.format("POST", "/api/visits", {
    ["Content-Type"] = "application/json",
    ["Cookie"] = "ntm_vid=" .. visitor(),
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254)),
  }, '{"path":"/"}')
end
