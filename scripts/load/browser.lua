-- What a browser brings, for the wrk scripts (dofile'd): a fresh visitor id
-- (32 lowercase hex digits, as the ntm_vid cookie must be) and an address of
-- its own (sent as X-Forwarded-For; the server runs with --trust-forwarded-for),
-- so the per-address caps count a few rows each, as with real readers.
local browser = {}

function browser.visitor()
  local parts = {}
  for i = 1, 8 do parts[i] = string.format("%04x", math.random(0, 0xffff)) end
  return table.concat(parts)
end

function browser.address()
  return string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
end

return browser
