-- wrk script: sends the benchmark's session cookie and Accept header, counts every answer
-- that is not 2xx (wrk itself only counts >= 400), and prints one machine-readable line.
-- Environment: BENCH_NAME, BENCH_COOKIE (optional), BENCH_ACCEPT (optional).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  codes = {}
  local cookie = os.getenv("BENCH_COOKIE")
  if cookie and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
  end
  wrk.headers["Accept"] = os.getenv("BENCH_ACCEPT") or "*/*"
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    codes[status] = (codes[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  local byCode = {}
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
    for code, n in pairs(t:get("codes") or {}) do
      byCode[code] = (byCode[code] or 0) + n
    end
  end
  local statuses = {}
  for code, n in pairs(byCode) do
    table.insert(statuses, code .. "x" .. n)
  end
  local statusText = #statuses > 0 and table.concat(statuses, ",") or "-"
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  -- RESULT name p50_ms p95_ms p99_ms requests_per_s requests non2xx socket_errors statuses(code x count)
  io.write(string.format("RESULT %s %.2f %.2f %.2f %.1f %d %d %d %s\n",
    os.getenv("BENCH_NAME") or "run",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / seconds, summary.requests, bad, socket, statusText))
end
