using Identity.DevHost;

var options = DevHostConfiguration.Load(args);
await using var suite = await EmbeddedSuite.StartAsync(options);
DevHostBanner.Print(suite);

// Each app stops on Ctrl-C or SIGTERM (its console lifetime); when any stops, stop them all.
var stopped = suite.Apps.Select(app => Task.Delay(Timeout.Infinite, app.Lifetime.ApplicationStopping)
    .ContinueWith(_ => { }, TaskScheduler.Default));
await Task.WhenAny(stopped);
Console.WriteLine("Stopping the Identity suite...");
