namespace DeliveryConsole.Web.BucketBrowsing;

/// <summary>
/// A bucket endpoint's failure as a sentence a person reads: the same words on the bucket pages, in the JSON API's
/// error and in a download's plain-text answer.
/// </summary>
public static class BucketMessages
{
    /// <summary>The broken rule an endpoint's <see cref="ArgumentException"/> names, without .NET's "(Parameter 'x')".</summary>
    public static string RuleText(ArgumentException argument) =>
        argument.ParamName is null ? argument.Message : argument.Message.Replace($" (Parameter '{argument.ParamName}')", "");

    public static string Sentence(string message) => message.Length > 0 && !message.EndsWith('.') ? message + "." : message;
}
