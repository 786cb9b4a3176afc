using AkkaLocks.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return await AkkaLocksCli.RunAsync(args, Console.Out, Console.Error, cancellationToken: cancel.Token);
