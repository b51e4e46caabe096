namespace Cerebellum.Portal.Resources;

/// <summary>Anchor type for the portal's strings: SharedResource.resx (zh-CN, the default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
