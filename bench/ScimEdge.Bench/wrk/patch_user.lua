-- PATCH one attribute of a seeded user. Each thread owns half of the seeded ids and walks them in
-- turn, so two in-flight requests never touch the same user (no version conflicts by design).
local token = os.getenv("BENCH_TOKEN")
local prefix = os.getenv("BENCH_PATH_PREFIX")
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local ids = {}
for line in io.lines(os.getenv("BENCH_DATA") .. "/user_ids.txt") do
  ids[#ids + 1] = line
end

local counter = 0
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/scim+json" }
local template = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],'
  .. '"Operations":[{"op":"replace","path":"name.givenName","value":"Given-%d"}]}'

function request()
  counter = counter + 1
  local half = math.floor(#ids / 2)
  local id = ids[tid * half + (counter % half) + 1]
  return wrk.format("PATCH", prefix .. "/Users/" .. id, headers, string.format(template, counter))
end
