namespace AkkaLocks.Engine.Serialization;

/// <summary>Marks the engine's messages that may cross the network, so they bind to <see cref="AkkaLocksSerializer"/>.</summary>
public interface IAkkaLocksMessage;
