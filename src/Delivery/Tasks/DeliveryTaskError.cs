using System.Globalization;
using DeliveryConsole.TableStore.Model;

namespace DeliveryConsole.Delivery.Tasks;

/// <summary>
/// The first CreateDeliveryTask rule a request breaks: the service's error <paramref name="Code"/>, the field's
/// camelCase path in the request (such as <c>taskConfig.schema[2].type</c>) and one sentence that starts with
/// that path and names the rule.
/// </summary>
/// <remarks>
/// A broken rule also keeps its <see cref="Sentence"/> apart from the fields it names, so that a form can
/// <see cref="Phrase"/> it with its own labels while the API's <see cref="Message"/> names the same fields by path.
/// Two errors are equal when the API would answer the same.
/// </remarks>
public sealed record DeliveryTaskError(string Code, string Field, string Message)
{
    /// <summary>The broken rule with the fields it names kept as <see cref="TaskField"/>s; null when the message names none.</summary>
    public RuleSentence? Sentence { get; private init; }

    /// <summary>An OTSParameterInvalid error.</summary>
    public static DeliveryTaskError Invalid(string field, string message) =>
        new(TableStoreError.ParameterInvalid, field, message);

    /// <summary>
    /// The first of a task's two names a Describe or Delete request leaves out (both are optional fields of the
    /// service's messages, and required by its answer), or null when it has both.
    /// </summary>
    public static DeliveryTaskError? MissingName(string? tableName, string? taskName) =>
        tableName is null ? Invalid("tableName", "tableName is required.")
        : taskName is null ? Invalid("taskName", "taskName is required.")
        : null;

    /// <summary>The answer for a task name the table does not have: OTSObjectNotExist.</summary>
    public static DeliveryTaskError NoSuchTask(string tableName, string taskName) =>
        new(TableStoreError.ObjectNotExist, "taskName", $"Table '{tableName}' has no delivery task named '{taskName}'.");

    /// <summary>An error on <paramref name="subject"/>, whose <paramref name="rule"/> follows its name.</summary>
    public static DeliveryTaskError Of(string code, TaskField subject, FormattableString rule)
    {
        var sentence = new RuleSentence(subject, rule);
        return new DeliveryTaskError(code, subject.Path, sentence.ToString()) { Sentence = sentence };
    }

    /// <summary>The message with every field it names phrased by <paramref name="name"/> (such as a form's label).</summary>
    public string Phrase(Func<TaskField, string> name) => Sentence?.Phrase(name) ?? Message;

    public bool Equals(DeliveryTaskError? other) =>
        other is not null && (Code, Field, Message) == (other.Code, other.Field, other.Message);

    public override int GetHashCode() => HashCode.Combine(Code, Field, Message);
}

/// <summary>A request field a rule's sentence names: its path and, when the sentence quotes it, the value it holds.</summary>
public readonly record struct TaskField(string Path, string? Value = null)
{
    /// <summary>The API's words: the path, then the quoted value.</summary>
    public override string ToString() => Value is null ? Path : $"{Path} '{Value}'";
}

/// <summary>
/// A broken rule's sentence: the <see cref="Subject"/> field, then the rule, which may name further fields
/// (<see cref="TaskField"/> arguments of <paramref name="rule"/>). Values keep their text whoever phrases it.
/// </summary>
public sealed class RuleSentence(TaskField subject, FormattableString rule)
{
    public TaskField Subject => subject;

    public string Phrase(Func<TaskField, string> name)
    {
        var arguments = rule.GetArguments().Select(argument => argument is TaskField field ? name(field) : argument).ToArray();
        return $"{name(subject)} {string.Format(CultureInfo.InvariantCulture, rule.Format, arguments)}";
    }

    /// <summary>The API's sentence: every field named by its path.</summary>
    public override string ToString() => Phrase(field => field.ToString());
}
