-- POST with a session cookie: each request takes the next of the sessions run.sh created (SESSION_COOKIES, comma
-- separated), so concurrent requests belong to different users, as on a real server.
wrk.method = "POST"
local cookies = {}
for cookie in string.gmatch(os.getenv("SESSION_COOKIES") or "", "[^,]+") do
  cookies[#cookies + 1] = cookie
end
local next_cookie = math.random(math.max(#cookies, 1))

request = function()
  if #cookies > 0 then
    next_cookie = next_cookie % #cookies + 1
    wrk.headers["Cookie"] = cookies[next_cookie]
  end
  return wrk.format()
end
