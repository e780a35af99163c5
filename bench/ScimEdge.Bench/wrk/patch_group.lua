-- PATCH one new member into the 100,000-member group, untyped as IdPs send it.
local token = os.getenv("BENCH_TOKEN")
local run = os.getenv("BENCH_RUN")
local counter = 0
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/scim+json" }
local template = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],'
  .. '"Operations":[{"op":"add","path":"members","value":[{"value":"wrk-%s-%d"}]}]}'

function request()
  counter = counter + 1
  return wrk.format("PATCH", nil, headers, string.format(template, run, counter))
end
