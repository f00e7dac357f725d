using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace DeliveryConsole.Web.Wire;

/// <summary>
/// proto2 <c>required</c> fields, checked by walking the message's descriptor: Google.Protobuf reads and writes
/// messages without them, while the SDKs' decoders (node's protobufjs, Java, Go) reject a response that lacks one.
/// </summary>
public static class RequiredFields
{
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
