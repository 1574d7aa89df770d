-- wrk script for the search benchmark (src/bench/search/run.sh): rotates through the query strings of
-- QUERIES_FILE (one per line, as in queries.txt) against GET /api/catalog/products, each wrk thread starting at
-- a different one, and reports throughput, p50/p99 latency and errors in one machine-readable line (non2xx is
-- wrk's count of responses with a status of 400 or more; the search answers no redirects).

local function urlencode(s)
   return (s:gsub("[^%w%-%._~=&]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function load_paths()
   local file = os.getenv("QUERIES_FILE") or "src/bench/search/queries.txt"
   local paths = {}
   for line in io.lines(file) do
      line = line:gsub("^%s+", ""):gsub("%s+$", "")
      if line ~= "" and line:sub(1, 1) ~= "#" then
         paths[#paths + 1] = "/api/catalog/products?" .. urlencode(line)
      end
   end
   assert(#paths > 0, "no queries in " .. file)
   return paths
end

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("tid", counter)
   table.insert(threads, thread)
end

local paths
local i

function init(args)
   paths = load_paths()
   i = (tid or 1) * 7
end

function request()
   i = i + 1
   return wrk.format("GET", paths[(i % #paths) + 1], { ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "WRK_RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f non2xx=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, latency.mean / 1000,
      e.status, e.connect, e.read, e.write, e.timeout))
end
