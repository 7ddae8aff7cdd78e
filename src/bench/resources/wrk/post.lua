-- POST /api/v1/jobs with a trivial manifest. Launching is paused on the server, so every request
-- costs only validation, the store's insert and the response. No response() callback: with one,
-- wrk hands every response to Lua, which costs the load generator CPU the server then lacks.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("BERTH_BENCH_TOKEN"), "BERTH_BENCH_TOKEN is not set")
local image = os.getenv("BERTH_BENCH_IMAGE") or "berth-test-busybox:1"
wrk.body = '{"image": "' .. image .. '", "command": ["sh", "-c", "exit 0"], "labels": {"bench.api": "post"}}'
