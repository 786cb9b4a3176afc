# AkkaLocks server image: build with the SDK, run on the ASP.NET runtime as a non-root user.
#   docker build -t akkalocks .
#   docker run -p 7962:7962 -v akkalocks-data:/data akkalocks
# Configure with AkkaLocks__* environment variables (see README, "Configuration"); a cluster on PostgreSQL:
# docker-compose.yml and docs/cluster.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# .dockerignore keeps the host's bin/ and obj/ out, so the restore is the image's own.
COPY . .
RUN dotnet publish src/AkkaLocks.Server -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The data directory (SQLite journal, Data Protection keys) is a volume owned by the image's unprivileged "app" user.
# With the PostgreSQL journal nothing durable is kept there, but it stays the working folder.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
# Listening on 0.0.0.0 makes the credentials mode Auto mean "secure": configure users (README, "Users, roles and tokens").
ENV ASPNETCORE_URLS=http://0.0.0.0:7962 \
    AkkaLocks__DataDirectory=/data
# 7962: HTTP. Cluster remoting listens on AkkaLocks__Cluster__Port (0, a random port, unless set; 4053 in docker-compose.yml).
EXPOSE 7962 4053
USER $APP_UID
# The runtime image has no curl; bash's /dev/tcp asks /healthcheck (Up cluster member and journal answering).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/7962 && printf 'GET /healthcheck HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# docker stop sends SIGTERM: the server leaves the cluster (handing its shards off) before it exits.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "AkkaLocks.Server.dll"]
