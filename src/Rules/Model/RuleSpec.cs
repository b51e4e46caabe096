using Cerebellum.Rules.Expressions;
using YamlDotNet.RepresentationModel;

namespace Cerebellum.Rules.Model;

/// <summary>A parsed rule plus what compilation needs: its position in the file and its compiled conditions.</summary>
internal sealed record RuleSpec(PackRule Rule, int Index, YamlNode Node, IReadOnlyList<CompiledCondition> Conditions);
