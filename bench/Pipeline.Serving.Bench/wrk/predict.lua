-- wrk script: single-row POST /v1/models/fraud-detector:predict (the reference model's features).
wrk.method = "POST"
wrk.path = "/v1/models/fraud-detector:predict"
wrk.body = '{"instances":[{"amount":99.5,"hour":1,"country":"us"}]}'
wrk.headers["Content-Type"] = "application/json"
