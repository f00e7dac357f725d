namespace DeliveryConsole.Web.Components.Pages.Delivery.Create;

/// <summary>The wizard's steps in the order the stepper shows them; the value is the stepper's index.</summary>
public enum WizardStep
{
    Basics,
    Destination,
    Schema,
    Time,
    Review,
}
