using System.Net;
using System.Net.Sockets;

namespace DeliveryConsole.Testing;

public static class Ports
{
    /// <summary>A loopback port where nothing listens: it was free a moment ago and has been released.</summary>
    public static int Closed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
