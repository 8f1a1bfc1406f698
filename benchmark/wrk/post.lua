-- POST a new user (emails are not unique in the benchmark table, so every insert succeeds)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"Bench User","email":"bench@example.com"}'
