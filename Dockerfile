# The console in a container: build with the .NET SDK, run on the ASP.NET runtime as a non-root user.
#   docker build -t tablestore-delivery-console .
#   docker run -p 8080:8080 -v console-data:/data tablestore-delivery-console

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY wwwroot/ wwwroot/
RUN dotnet publish src/Web/Web.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The image's non-root user ($APP_UID) owns the data folder: the catalog, the tables and the local buckets.
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Console__DataFolder=/data
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["dotnet", "DeliveryConsole.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "DeliveryConsole.Web.dll"]
