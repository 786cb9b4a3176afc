# AkkaLocks server image: build with the SDK, run on the ASP.NET runtime as a non-root user.
#   docker build -t akkalocks .
#   docker run -p 7962:7962 -v akkalocks-data:/data akkalocks
# Configure with AkkaLocks__* environment variables (see README, "Configuration").

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/AkkaLocks.Server -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The journal lives on a volume owned by the image's unprivileged "app" user.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
ENV ASPNETCORE_URLS=http://0.0.0.0:7962 \
    AkkaLocks__DataDirectory=/data
EXPOSE 7962
USER $APP_UID
ENTRYPOINT ["dotnet", "AkkaLocks.Server.dll"]
