namespace DeliveryConsole.Web.Wire.Protocol;

/// <summary>
/// The optional table and task name of the requests that address one delivery task (Describe, Delete), so they
/// are read once. The generated message classes already have these members; this only names what they share.
/// </summary>
public interface ITaskNames
{
    bool HasTableName { get; }
    string TableName { get; }
    bool HasTaskName { get; }
    string TaskName { get; }
}

public sealed partial class DescribeDeliveryTaskRequest : ITaskNames;

public sealed partial class DeleteDeliveryTaskRequest : ITaskNames;
