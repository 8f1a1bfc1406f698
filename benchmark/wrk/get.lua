-- GET a random one of the 10,000 seeded users; the path prefix comes from the PREFIX variable set by run.sh
local prefix = os.getenv("PREFIX")
request = function()
  return wrk.format("GET", prefix .. math.random(1, 10000))
end
