wrk.method = "POST"
wrk.body = "{\"from\":\"2026-04-01T04:00:00.000Z\",\"to\":\"2027-04-01T04:00:00.000Z\"}"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "maillage_session=nFYAttXV9sCXE3P80YBCHbAt6EEBHaSZALlKoNgAc9I"