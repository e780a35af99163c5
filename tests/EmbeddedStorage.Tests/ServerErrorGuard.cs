// Every test fails when a server logs an unexpected Error or Critical event while it runs.
[assembly: Identity.TestKit.ServerLogs.FailOnServerErrors]
