-- Requests of signed-in users: each takes the next of the sessions run.sh created (SESSION_COOKIES, comma separated),
-- so concurrent requests belong to different users, as on a real server. PREFIX: a random user id under that path;
-- BODY: POST a new user; METHOD=POST: POST without a body.
local cookies = {}
for cookie in string.gmatch(os.getenv("SESSION_COOKIES") or "", "[^,]+") do
  cookies[#cookies + 1] = cookie
end
local next_cookie = math.random(math.max(#cookies, 1))
local prefix = os.getenv("PREFIX")
if os.getenv("BODY") then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = '{"name":"Bench User","email":"bench@example.com"}'
elseif os.getenv("METHOD") then
  wrk.method = os.getenv("METHOD")
end

request = function()
  if #cookies > 0 then
    next_cookie = next_cookie % #cookies + 1
    wrk.headers["Cookie"] = cookies[next_cookie]
  end
  if prefix then
    return wrk.format(nil, prefix .. math.random(1, 10000))
  end
  return wrk.format()
end
