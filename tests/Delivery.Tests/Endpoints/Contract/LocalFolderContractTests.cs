using DeliveryConsole.Delivery.Endpoints;
using DeliveryConsole.Testing;

namespace DeliveryConsole.Delivery.Tests.Endpoints.Contract;

/// <summary>The contract against a local folder endpoint in a fresh temp folder.</summary>
public sealed class LocalFolderContractTests : BucketEndpointContract, IDisposable
{
    private readonly TempFolder _temp = new();

    protected override IBucketEndpoint CreateEndpoint() => new LocalFolderEndpoint("local", _temp.Combine("endpoint"));

    public void Dispose() => _temp.Dispose();
}
