using DeliveryConsole.TableStore.Model;
using Google.Protobuf;

namespace DeliveryConsole.Web.Wire;

/// <summary>
/// One action of the Tablestore wire protocol (<c>POST /&lt;Action&gt;</c>): its name as the SDKs send it and the
/// handler that turns the request body into the response message. Build one with <see cref="Of{TRequest}"/>; list it
/// in its group's <c>All</c> (see <see cref="WireOperations"/>).
/// </summary>
public sealed record WireOperation(string Action, Func<WireRequest, Task<IMessage>> Handle)
{
    /// <summary>An action whose body is a <typeparamref name="TRequest"/>, parsed and checked before the handler runs.</summary>
    public static WireOperation Of<TRequest>(string action, MessageParser<TRequest> parser, Func<TRequest, WireRequest, IMessage> handle)
        where TRequest : IMessage<TRequest> =>
        new(action, request => Task.FromResult(handle(request.Parse(parser), request)));

    /// <summary>The same for a handler that waits (the delivery engine's calls).</summary>
    public static WireOperation Of<TRequest>(string action, MessageParser<TRequest> parser, Func<TRequest, WireRequest, Task<IMessage>> handle)
        where TRequest : IMessage<TRequest> =>
        new(action, request => handle(request.Parse(parser), request));
}

/// <summary>An authenticated request on its way to its operation: the raw body, and the app's services.</summary>
public sealed class WireRequest(string action, byte[] body, IServiceProvider services, CancellationToken aborted)
{
    public string Action { get; } = action;

    public byte[] Body { get; } = body;

    /// <summary>Cancelled when the client goes away; writes ignore it so they never stop halfway.</summary>
    public CancellationToken Aborted { get; } = aborted;

    public T Service<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>
    /// The body as a <typeparamref name="TMessage"/>; a body that is not one, or lacks a proto2 required field, is
    /// OTSParameterInvalid naming the message and the field (Google.Protobuf does not check required fields itself).
    /// </summary>
    public TMessage Parse<TMessage>(MessageParser<TMessage> parser) where TMessage : IMessage<TMessage> =>
        RequiredFields.Parse(parser, Body, $"The body of {Action}");
}
