wrk.method = "POST"
wrk.body = "{\"from\":\"2026-04-01T04:00:00.000Z\",\"to\":\"2027-04-01T04:00:00.000Z\"}"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "maillage_session=U1l61N1ius4u34TZ6j-cpC5uM0mSEKLz5t97IzlqEak"