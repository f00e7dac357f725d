using Bunit;
using DeliveryConsole.Delivery.Engine;
using DeliveryConsole.Web.Components.Shared;

namespace DeliveryConsole.Web.Tests.Components.Shared;

public class PhaseChipTests : ComponentTest
{
    public static TheoryData<TaskState, string> States => new()
    {
        { new TaskState { Phase = TaskPhase.Init }, "Initializing" },
        { new TaskState { Phase = TaskPhase.Full }, "Full sync" },
        { new TaskState { Phase = TaskPhase.Incr }, "Incremental sync" },
        { new TaskState { Phase = TaskPhase.Full, Finished = true }, "Completed" },
        { new TaskState { Phase = TaskPhase.Incr, ErrorCode = TaskErrorCode.InvalidOssBucket, Detail = "bucket gone" }, "Error" },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void The_chip_names_the_state_as_the_real_console_does(TaskState state, string label)
    {
        var chip = Render<PhaseChip>(p => p.Add(c => c.State, state));

        Assert.Equal(label, chip.Find("[data-testid=phase-chip]").TextContent.Trim());
    }

    [Fact]
    public void An_error_chip_carries_the_detail_as_its_tooltip()
    {
        var chip = Render<PhaseChip>(p => p.Add(c => c.State, new TaskState { ErrorCode = TaskErrorCode.Unauthorized, Detail = "key refused" }));

        Assert.Equal("key refused", chip.Find("[data-testid=phase-chip]").GetAttribute("title"));
    }
}
