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
        // Failing while the real service's code says OK: never shown as healthy.
        { new TaskState { Phase = TaskPhase.Incr, Fault = TaskFault.EmulatorError, Detail = "retrying: IOException: disk full" }, "Error" },
        { new TaskState { Phase = TaskPhase.Full, Finished = true, Fault = TaskFault.EmulatorError }, "Error" },
        { new TaskState { Phase = TaskPhase.Incr, Fault = TaskFault.EndpointUnreachable, Detail = "retrying: endpoint unreachable: x" }, "Retrying" },
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

        Assert.Equal("UNAUTHORIZED: key refused", chip.Find("[data-testid=phase-chip]").GetAttribute("title"));
    }

    [Theory]
    [InlineData(TaskFault.EmulatorError, "EMULATOR_ERROR: retrying: boom")]
    [InlineData(TaskFault.EndpointUnreachable, "ENDPOINT_UNREACHABLE: retrying: boom")]
    public void A_fault_the_service_code_does_not_show_is_in_the_tooltip_with_the_emulator_code(TaskFault fault, string title)
    {
        var chip = Render<PhaseChip>(p => p.Add(c => c.State, new TaskState { Fault = fault, Detail = "retrying: boom" }));

        Assert.Equal(title, chip.Find("[data-testid=phase-chip]").GetAttribute("title"));
    }

    [Fact]
    public void A_healthy_chip_has_no_tooltip() =>
        Assert.Null(Render<PhaseChip>(p => p.Add(c => c.State, new TaskState { Phase = TaskPhase.Incr }))
            .Find("[data-testid=phase-chip]").GetAttribute("title"));
}
