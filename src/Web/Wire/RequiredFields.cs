using System.Collections;
using DeliveryConsole.TableStore.Model;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace DeliveryConsole.Web.Wire;

/// <summary>
/// proto2 <c>required</c> fields, checked by walking the message's descriptor: Google.Protobuf reads and writes
/// messages without them, while the SDKs' decoders (node's protobufjs, Java, Go) reject a response that lacks one.
/// </summary>
public static class RequiredFields
{
    /// <summary>
    /// <paramref name="bytes"/> as a <typeparamref name="TMessage"/> with every required field set; otherwise
    /// OTSParameterInvalid naming <paramref name="subject"/>, the message and the field.
    /// </summary>
    public static TMessage Parse<TMessage>(MessageParser<TMessage> parser, ReadOnlySpan<byte> bytes, string subject)
        where TMessage : IMessage<TMessage>
    {
        TMessage message;
        try
        {
            message = parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw TableStoreException.Invalid($"{subject} is not a valid {typeof(TMessage).Name} protobuf message: {e.Message}");
        }
        return FirstMissing(message) is { } field
            ? throw TableStoreException.Invalid($"{subject}: {typeof(TMessage).Name} is missing the required field {field}.")
            : message;
    }

    /// <summary>The path of the first required field not set (<c>table_meta.primary_key[1].type</c>), or null.</summary>
    public static string? FirstMissing(IMessage message, string path = "")
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var name = path + field.Name;
            if (field.IsRequired && !field.Accessor.HasValue(message))
                return name;
            if (field.FieldType != FieldType.Message)
                continue;
            if (field.IsRepeated)
            {
                var index = 0;
                foreach (var item in (IList)field.Accessor.GetValue(message))
                    if (FirstMissing((IMessage)item, $"{name}[{index++}].") is { } missing)
                        return missing;
            }
            else if (field.Accessor.HasValue(message) && FirstMissing((IMessage)field.Accessor.GetValue(message), name + ".") is { } missing)
                return missing;
        }
        return null;
    }
}
