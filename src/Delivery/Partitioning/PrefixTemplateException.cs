namespace DeliveryConsole.Delivery.Partitioning;

/// <summary>
/// An ossPrefix broke a rule. The message is one sentence naming the rule, written to follow
/// "taskConfig.ossPrefix: ".
/// </summary>
public sealed class PrefixTemplateException(string message) : Exception(message);
