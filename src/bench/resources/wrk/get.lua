-- GET /api/v1/jobs/{id}, cycling over the job ids given after "--". No response() callback: with
-- one, wrk hands every response to Lua, which costs the load generator CPU the server then lacks.
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("BERTH_BENCH_TOKEN"), "BERTH_BENCH_TOKEN is not set")
local ids = {}
local next = 0

function init(args)
  for _, id in ipairs(args) do
    ids[#ids + 1] = id
  end
end

function request()
  next = next % #ids + 1
  return wrk.format("GET", "/api/v1/jobs/" .. ids[next])
end
