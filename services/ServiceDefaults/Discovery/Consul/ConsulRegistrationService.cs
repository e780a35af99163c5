using Identity.ServiceDefaults.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Identity.ServiceDefaults.Discovery.Consul;

/// <summary>
/// Registers this instance with the local Consul agent once the host has started (the bound ports
/// are known only then) and deregisters it as soon as the host begins stopping, before the listeners
/// close, so callers stop being sent here first. An unreachable agent is retried with backoff, never fatal.
/// </summary>
internal sealed class ConsulRegistrationService(
    IOptions<DiscoveryOptions> discovery,
    ConsulAgentClient agent,
    IOptions<ConsulOptions> options,
    ServiceEndpoints endpoints,
    TimeProvider time,
    ILogger<ConsulRegistrationService> logger) : IHostedLifecycleService, IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private Task _registering = Task.CompletedTask;
    private ConsulServiceRegistration? _registration;
    private volatile bool _attempted;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(discovery.Value.Provider, ConsulDiscovery.ProviderName, StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }
        _registration = ConsulInstance.Describe(endpoints, options.Value, Environment.MachineName);
        _registering = RegisterUntilDoneAsync(_registration, _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _registering;
        // Deregister after any attempt, not only a confirmed one: a stop can cut off the answer to a
        // register the agent already applied. Deregistering an unknown ID is harmless (200 or 404).
        if (_registration is null || !_attempted)
        {
            return;
        }
        try
        {
            await agent.DeregisterAsync(_registration.Id, cancellationToken);
            logger.ConsulDeregistered(_registration.Id);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            logger.ConsulDeregistrationFailed(_registration.Id, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task RegisterUntilDoneAsync(ConsulServiceRegistration registration, CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                _attempted = true;
                await agent.RegisterAsync(registration, cancellationToken);
                logger.ConsulRegistered(registration.Id, registration.Address, registration.Port);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                logger.ConsulRegistrationFailed(registration.Id, retry, ex);
            }
            try
            {
                await Task.Delay(retry, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }
}
