using System.Text.Json.Nodes;

namespace Pipeline.Ml.Ingest.Streaming.Logs;

internal sealed class LogFilesSource(string pattern, string baseDirectory, char? delimiter) : IStreamSource
{
    public string Kind => "logs";
    public string Description => $"log files {pattern} {baseDirectory} {delimiter}";
    public StreamRead Open(JsonNode? after, CancellationToken cancellationToken) => throw new NotImplementedException();
    public void Dispose() { }
}
