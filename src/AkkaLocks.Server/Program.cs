using AkkaLocks.Server.Auth;
using AkkaLocks.Server.Endpoints;
using AkkaLocks.Server.Endpoints.Dms;
using AkkaLocks.Server.Endpoints.Esoco;
using AkkaLocks.Server.Health;
using AkkaLocks.Server.Observability;
using AkkaLocks.Server.Endpoints.NativeV1;
using AkkaLocks.Server.Hosting;
using AkkaLocks.Server.Limits;
using AkkaLocks.Server.Logging;

if (HashPasswordCommand.TryRun(args)) return;

// appsettings.json and hocon/ sit beside the program; the data directory is relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (builder.Configuration["urls"] is null) builder.WebHost.UseUrls("http://127.0.0.1:7962");

builder.Services.AddSingleton(new RuntimeLogLevel(builder.Configuration));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ServiceClock>();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<EngineUnavailableHandler>();
builder.Services.AddAkkaLocksHealthChecks();
builder.Services.AddAkkaLocksMetrics();
builder.Services.AddNativeV1Api();
builder.Services.AddOptions<AkkaLocksServerOptions>().BindConfiguration(AkkaLocksServerOptions.Section);
builder.Services.AddAkkaLocksAuth();
builder.Services.AddDmsApi();
builder.Services.AddSingleton<EventStreamSlots>();
builder.Services.AddRequestBodyLimit();
builder.Services.AddClientRateLimiting();
builder.Services.AddAkkaLocksServer(builder.Configuration[$"{AkkaLocksServerOptions.Section}:ActorSystemName"] ?? "akkalocks");

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();   // the dashboard's script and styles (wwwroot/webapi), public and cacheable
app.UseEsocoPathNormalization();
app.UseRequestBodyLimit();
app.UseRouting();
app.UseAkkaLocksAuth();
app.UseRateLimiter();   // after authentication: a known user is limited as a user, wherever it connects from
app.MapAkkaLocksMetrics();
app.MapDmsApi();
app.MapNativeV1Api();
app.MapEsocoApi();
StartupFailure.Run(app);
