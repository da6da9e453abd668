using System.Runtime.InteropServices;

namespace HscpPortal.Benchmarks;

/// <summary>What a figure was measured on: it means little without it.</summary>
public static class Machine
{
    public static string Describe()
    {
        var os = RuntimeInformation.OSDescription;
        if (File.Exists("/etc/os-release"))
        {
            var pretty = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (pretty is not null)
            {
                os = pretty["PRETTY_NAME=".Length..].Trim('"');
            }
        }

        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{os}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} logical CPUs{(cpu is null ? "" : $" ({cpu})")}, .NET {Environment.Version}";
    }
}
