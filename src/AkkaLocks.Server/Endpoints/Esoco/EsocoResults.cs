using System.Text.Json;

namespace AkkaLocks.Server.Endpoints.Esoco;

/// <summary>
/// The replies of the esoco API. Its Java client throws on status codes outside 200, 208, 400, 401, 404,
/// 405, 406, 409, 411, 423, 500 and 501, so nothing here answers with any other.
/// </summary>
internal static class EsocoResults
{
    public static IResult Empty(int status = StatusCodes.Status200OK) => Results.StatusCode(status);

    public static IResult Text(int status, string body) => Results.Text(body, "text/plain; charset=utf-8", statusCode: status);

    public static IResult Json<T>(T value) => Results.Text(JsonSerializer.Serialize(value), "application/json; charset=utf-8");

    /// <summary>A request on the wrong method, or a body that is not JSON of the expected kind.</summary>
    public static IResult NotAcceptable(string detail = "This URL does not accept that request.") =>
        Results.Problem(detail, statusCode: StatusCodes.Status406NotAcceptable, title: "Not acceptable");

    public static IResult BadRequest(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
}
