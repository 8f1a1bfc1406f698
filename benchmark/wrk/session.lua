-- POST with the session cookie run.sh obtained beforehand
wrk.method = "POST"
local cookie = os.getenv("SESSION_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
