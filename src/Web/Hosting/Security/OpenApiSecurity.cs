using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DeliveryConsole.Web.Hosting.Security;

/// <summary>Describes the instance access key as the document's HTTP Basic security scheme, required by every operation.</summary>
public static class OpenApiSecurity
{
    public const string SchemeName = "instanceAccessKey";

    public static Task DescribeBasicSchemeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancel)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "basic",
            Description = "The instance access key: Console:AccessKeyId as the user name, Console:AccessKeySecret as the password.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
