-- POST /Users with a userName no other request of any run ever used:
-- run tag (per wrk invocation) + thread number + per-thread counter.
local token = os.getenv("BENCH_TOKEN")
local run = os.getenv("BENCH_RUN")
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local counter = 0
local headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/scim+json" }
local template = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"%s",'
  .. '"name":{"givenName":"Bench","familyName":"User"},"displayName":"Bench User",'
  .. '"emails":[{"value":"%s","type":"work","primary":true}],"active":true}'

function request()
  counter = counter + 1
  local name = string.format("wrk.%s.t%d.%d@example.com", run, tid, counter)
  local body = string.format(template, name, string.format("wrk-%s-%d-%d", run, tid, counter), name)
  return wrk.format("POST", nil, headers, body)
end
