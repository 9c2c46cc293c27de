// The sentence patterns of the built-in corpus, each an English UI message and its Chinese, written for Ramp in
// the style of software messages (zh_CN punctuation: full-width ，。：？, curly quotes “%s”, a space around numbers).
// Placeholders, filled by TemplateFiller:
//   English  {verb} {Verb} {verbed} {Verbed} {verbing} {Verbing}   base, past participle, gerund (capitalized)
//            {object} {Object} {objects} {Objects} {A}              singular, plural (capitalized), "A"/"An"
//            {TitleVerb} {TitleObject}                            in title case, as in menus ("Back Up Log File")
//   Chinese  {v} verb, {o} object, {m} measure word
//   Both     {n} a count, {reason} why an action failed
// printf directives (%s, %d) are kept as they are: real catalogs have them on both sides.
namespace Ramp.Training.Data.Corpus.Builtin;

/// <summary>What a template needs of its verb and object.</summary>
[Flags]
internal enum TemplateNeeds
{
    /// <summary>Any verb and object.</summary>
    None = 0,

    /// <summary>A countable object (plural, number, measure word).</summary>
    Countable = 1,

    /// <summary>A verb whose passive makes sense.</summary>
    Passive = 2,

    /// <summary>A verb whose active past makes sense.</summary>
    Past = 4,

    /// <summary>An object kept as data.</summary>
    Stored = 8,

    /// <summary>An object with a name of its own.</summary>
    Named = 16,
}

/// <summary>A pattern and its translation.</summary>
/// <param name="English">The English pattern.</param>
/// <param name="Chinese">The Chinese pattern.</param>
/// <param name="Needs">What the verb and object must allow.</param>
internal sealed record Template(string English, string Chinese, TemplateNeeds Needs = TemplateNeeds.None);

internal static class Templates
{
    private const TemplateNeeds Countable = TemplateNeeds.Countable;
    private const TemplateNeeds Passive = TemplateNeeds.Passive;

    /// <summary>Verb-object patterns said of every pair of a verb and one of its objects.</summary>
    public static IReadOnlyList<Template> Core { get; } =
    [
        new("{Verb} {object}", "{v}{o}"),
        new("{Verb} the {object}", "{v}{o}"),
        new("Could not {verb} the {object}.", "无法{v}{o}。"),
        new("{Verbing} {object}…", "正在{v}{o}…"),
    ];

    /// <summary>Verb-object patterns each said of a share of the pairs (BuiltinCorpus.Stride), so that every verb and object meets them.</summary>
    public static IReadOnlyList<Template> Rotating { get; } =
    [
        new("{TitleVerb} {TitleObject}", "{v}{o}"),
        new("{TitleVerb} {TitleObject}…", "{v}{o}…"),
        new("{Verb} {objects}", "{v}{o}", Countable),
        new("{Verb} selected {objects}", "{v}所选{o}", Countable),
        new("{Verb} all {objects}", "{v}所有{o}", Countable),
        new("{Verb} {n} {objects}", "{v} {n} {m}{o}", Countable),
        new("Could not {verb} the {object}: %s", "无法{v}{o}：%s"),
        new("Could not {verb} the {object}: {reason}.", "无法{v}{o}：{reason}。"),
        new("Could not {verb} the {object}. Please try again.", "无法{v}{o}。请重试。"),
        new("Unable to {verb} the selected {objects}.", "无法{v}所选{o}。", Countable),
        new("Failed to {verb} {object}: %s", "{v}{o}失败：%s"),
        new("Failed to {verb} the {object}.", "{v}{o}失败。"),
        new("Failed to {verb} {object} \"%s\".", "{v}{o}“%s”失败。"),
        new("Are you sure you want to {verb} this {object}?", "确定要{v}此{o}吗？"),
        new("Are you sure you want to {verb} these {objects}?", "确定要{v}这些{o}吗？", Countable),
        new("Are you sure you want to {verb} {n} {objects}?", "确定要{v} {n} {m}{o}吗？", Countable),
        new("Do you want to {verb} the selected {objects}?", "是否要{v}所选{o}？", Countable),
        new("Do you want to {verb} the {object} now?", "是否要立即{v}{o}？"),
        new("Do you really want to {verb} the {object} \"%s\"?", "您确定要{v}{o}“%s”吗？"),
        new("Would you like to {verb} the {object}?", "您想{v}{o}吗？"),
        new("{Verbing} {objects}…", "正在{v}{o}…", Countable),
        new("{Verbing} {n} {objects}…", "正在{v} {n} {m}{o}…", Countable),
        new("Waiting to {verb} the {object}…", "正在等待{v}{o}…"),
        new("The {object} was {verbed} successfully.", "{o}已成功{v}。", Passive),
        new("{Object} {verbed}", "{o}已{v}", Passive),
        new("{Object} {verbed} successfully", "{o}{v}成功", Passive),
        new("The {object} could not be {verbed}.", "无法{v}该{o}。", Passive),
        new("The {object} has already been {verbed}.", "该{o}已被{v}。", Passive),
        new("The {object} will be {verbed}.", "{o}将被{v}。", Passive),
        new("Please wait while the {object} is {verbed}.", "正在{v}{o}，请稍候。", Passive),
        new("%d {objects} {verbed}", "已{v} %d {m}{o}", Passive | Countable),
        new("{Verbed} {n} {objects}", "已{v} {n} {m}{o}", TemplateNeeds.Past | Countable),
        new("You do not have permission to {verb} this {object}.", "您没有权限{v}此{o}。"),
        new("You must {verb} the {object} first.", "您必须先{v}{o}。"),
        new("You can {verb} the {object} later.", "您可以稍后{v}{o}。"),
        new("Click here to {verb} the {object}.", "单击此处{v}{o}。"),
        new("{Verb} the {object} to continue.", "{v}{o}以继续。"),
        new("An error occurred while {verbing} the {object}.", "{v}{o}时出错。"),
        new("Cannot {verb} the {object} while another operation is in progress.", "另一个操作正在进行中，无法{v}{o}。"),
        new("Do not {verb} the {object}", "不要{v}{o}"),
        new("Try to {verb} the {object} again.", "请再次尝试{v}{o}。"),
        new("Ready to {verb} the {object}.", "已准备好{v}{o}。"),
        new("{Object} to {verb}:", "要{v}的{o}："),
        new("No {objects} to {verb}.", "没有要{v}的{o}。", Countable),
        new("Automatically {verb} {objects}", "自动{v}{o}", Countable),
        new("Ask before {verbing} {objects}", "{v}{o}前询问", Countable),
        new("Allow users to {verb} {objects}", "允许用户{v}{o}", Countable),
        new("Finished {verbing} {objects}.", "已完成{v}{o}。", Countable),
    ];

    /// <summary>Patterns said of every object alone.</summary>
    public static IReadOnlyList<Template> OfObject { get; } =
    [
        new("The {object} was not found.", "未找到{o}。"),
        new("{Object} not found", "未找到{o}"),
        new("The {object} is not available.", "{o}不可用。"),
        new("Invalid {object}", "无效的{o}"),
        new("Unknown {object}", "未知{o}"),
        new("Default {object}", "默认{o}"),
        new("Current {object}", "当前{o}"),
        new("No {objects} found.", "未找到任何{o}。", Countable),
        new("No {object} selected", "未选择{o}", Countable),
        new("There are no {objects}.", "没有{o}。", Countable),
        new("All {objects}", "所有{o}", Countable),
        new("Recent {objects}", "最近的{o}", Countable),
        new("1 {object}", "1 {m}{o}", Countable),
        new("{n} {objects}", "{n} {m}{o}", Countable),
        new("{n} {objects} selected", "已选择 {n} {m}{o}", Countable),
        new("{n} new {objects}", "{n} {m}新{o}", Countable),
        new("Previous {object}", "上一{m}{o}", Countable),
        new("Next {object}", "下一{m}{o}", Countable),
        new("Another {object}", "另一{m}{o}", Countable),
        new("The {object} already exists.", "{o}已存在。", TemplateNeeds.Named),
        new("{A} {object} with this name already exists.", "同名{o}已存在。", TemplateNeeds.Named | Countable),
        new("The {object} \"%s\" was not found.", "未找到{o}“%s”。", TemplateNeeds.Named),
        new("The {object} \"%s\" already exists.", "{o}“%s”已存在。", TemplateNeeds.Named),
        new("{Object} name", "{o}名称", TemplateNeeds.Named),
        new("{Object} properties", "{o}属性", TemplateNeeds.Named),
        new("{Object} information", "{o}信息", TemplateNeeds.Named),
        new("Enter the {object} name", "输入{o}名称", TemplateNeeds.Named),
        new("Enter a name for the new {object}", "输入新{o}的名称", TemplateNeeds.Named),
        new("The {object} is too large.", "{o}太大。", TemplateNeeds.Stored),
        new("The {object} is corrupted.", "{o}已损坏。", TemplateNeeds.Stored),
        new("The {object} is read-only.", "{o}是只读的。", TemplateNeeds.Stored),
        new("The {object} is empty.", "{o}为空。", TemplateNeeds.Stored),
        new("The {object} is in use.", "{o}正在使用中。", TemplateNeeds.Stored),
        new("The {object} has been modified.", "{o}已被修改。", TemplateNeeds.Stored),
    ];

    /// <summary>Counts used for {n}, taken in turn.</summary>
    public static IReadOnlyList<int> Counts { get; } = [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 24, 30, 50, 100];

    /// <summary>Reasons used for {reason}, taken in turn (English in lower case, as after a colon).</summary>
    public static IReadOnlyList<(string English, string Chinese)> Reasons { get; } =
    [
        ("permission denied", "权限不足"),
        ("access denied", "访问被拒绝"),
        ("no space left on device", "设备上没有剩余空间"),
        ("the disk is full", "磁盘已满"),
        ("the network is unreachable", "网络不可达"),
        ("the connection was refused", "连接被拒绝"),
        ("the connection timed out", "连接超时"),
        ("the operation timed out", "操作超时"),
        ("the server did not respond", "服务器没有响应"),
        ("not enough memory", "内存不足"),
        ("the resource is busy", "资源正忙"),
        ("invalid argument", "参数无效"),
        ("the operation is not supported", "不支持此操作"),
        ("an unknown error occurred", "发生未知错误"),
        ("the operation was canceled", "操作已取消"),
    ];
}
