// Lets WebApplicationFactory<Program> start the real server in tests.
public partial class Program;
