// The objects of the built-in corpus's UI messages, each with its Chinese and its measure word (个, 张, 条, ...),
// written for Ramp. A noun without a measure word is uncountable here ("history", "trash"): it never appears in
// the plural or with a number. Stored nouns are things kept as data (files, messages, backups): they can be too
// large, corrupted or read-only; named nouns have a name a user types (files, accounts, printers; not messages).
namespace Ramp.Training.Data.Corpus.Builtin;

/// <summary>What templates may say of a noun besides the universal messages.</summary>
[Flags]
internal enum NounKind
{
    /// <summary>Nothing more.</summary>
    Plain = 0,

    /// <summary>Kept as data, like a file: has a size, can be corrupted, read-only, modified.</summary>
    Stored = 1,

    /// <summary>Has a name of its own: can be named, can already exist under a name.</summary>
    Named = 2,
}

/// <summary>An object of a UI message.</summary>
/// <param name="Singular">English singular, lower case unless a proper name ("Bluetooth device").</param>
/// <param name="Chinese">The Chinese noun.</param>
/// <param name="Measure">The Chinese measure word; null for an uncountable noun.</param>
/// <param name="Kind">What else can be said of it.</param>
internal sealed record Noun(string Singular, string Chinese, string? Measure, NounKind Kind)
{
    /// <summary>Whether the noun has a plural and can be counted.</summary>
    public bool Countable => Measure is not null;

    /// <summary>The English plural (only for a countable noun).</summary>
    public string Plural => Countable ? English.Plural(Singular) : throw new InvalidOperationException($"'{Singular}' is uncountable");

    /// <summary>Whether the noun has a name of its own.</summary>
    public bool Named => Kind.HasFlag(NounKind.Named);

    /// <summary>Whether the noun is kept as data.</summary>
    public bool Stored => Kind.HasFlag(NounKind.Stored);
}

internal static class Nouns
{
    // Stored and named (a file), stored without a name (a message), named (a printer), plain (a password).
    private const NounKind S = NounKind.Stored | NounKind.Named;
    private const NounKind D = NounKind.Stored;
    private const NounKind N = NounKind.Named;
    private const NounKind P = NounKind.Plain;

    /// <summary>Every noun, in a fixed order.</summary>
    public static IReadOnlyList<Noun> All { get; } =
    [
        // Files and documents.
        new("file", "文件", "个", S),
        new("folder", "文件夹", "个", S),
        new("directory", "目录", "个", S),
        new("document", "文档", "个", S),
        new("image", "图像", "张", S),
        new("photo", "照片", "张", S),
        new("video", "视频", "个", S),
        new("song", "歌曲", "首", S),
        new("archive", "归档文件", "个", S),
        new("attachment", "附件", "个", S),
        new("report", "报告", "份", S),
        new("template", "模板", "个", S),
        new("screenshot", "截图", "张", S),
        new("spreadsheet", "电子表格", "个", S),
        new("presentation", "演示文稿", "个", S),
        new("log file", "日志文件", "个", S),
        new("script", "脚本", "个", S),
        new("backup", "备份", "个", S),
        new("snapshot", "快照", "个", S),
        new("database", "数据库", "个", S),
        new("table", "表格", "个", S),
        new("playlist", "播放列表", "个", S),
        new("disk image", "磁盘映像", "个", S),
        new("certificate", "证书", "个", S),
        new("key", "密钥", "个", S),
        new("draft", "草稿", "份", D),
        new("note", "笔记", "条", D),
        new("email", "电子邮件", "封", D),
        new("message", "消息", "条", D),
        new("package", "软件包", "个", S),
        new("configuration", "配置", "个", S),
        new("form", "表单", "个", S),
        new("chart", "图表", "个", N),
        new("slide", "幻灯片", "张", N),
        new("page", "页面", "个", N),
        new("layer", "图层", "个", N),
        new("wallpaper", "壁纸", "张", N),
        new("thumbnail", "缩略图", "张", P),
        new("history", "历史记录", null, P),
        new("cache", "缓存", null, P),
        new("index", "索引", "个", N),
        new("clipboard", "剪贴板", null, P),
        new("trash", "回收站", null, P),

        // Windows and the parts of an application.
        new("window", "窗口", "个", P),
        new("tab", "标签页", "个", P),
        new("dialog", "对话框", "个", P),
        new("panel", "面板", "个", N),
        new("sidebar", "侧边栏", "个", P),
        new("toolbar", "工具栏", "个", N),
        new("status bar", "状态栏", "个", P),
        new("menu", "菜单", "个", N),
        new("icon", "图标", "个", N),
        new("grid", "网格", "个", P),
        new("notification", "通知", "条", P),
        new("list", "列表", "个", N),

        // People, accounts and what they own.
        new("account", "账户", "个", N),
        new("user", "用户", "个", N),
        new("member", "成员", "名", N),
        new("group", "群组", "个", N),
        new("contact", "联系人", "个", N),
        new("profile", "配置文件", "个", N),
        new("password", "密码", "个", P),
        new("email address", "电子邮件地址", "个", P),
        new("avatar", "头像", "个", P),
        new("name", "名称", "个", P),
        new("owner", "所有者", "个", P),
        new("permission", "权限", "项", P),
        new("calendar", "日历", "个", N),
        new("event", "事件", "个", N),
        new("meeting", "会议", "场", N),
        new("invitation", "邀请", "个", P),
        new("task", "任务", "个", N),
        new("bookmark", "书签", "个", N),
        new("link", "链接", "个", P),
        new("comment", "评论", "条", P),
        new("tag", "标签", "个", N),
        new("rule", "规则", "条", N),
        new("filter", "过滤器", "个", N),
        new("signature", "签名", "个", N),
        new("shortcut", "快捷方式", "个", N),
        new("keyboard shortcut", "键盘快捷键", "个", P),
        new("channel", "频道", "个", N),
        new("conversation", "对话", "个", N),
        new("call", "通话", "个", P),
        new("subscription", "订阅", "个", N),
        new("request", "请求", "个", P),

        // Projects and code.
        new("project", "项目", "个", N),
        new("repository", "仓库", "个", N),
        new("branch", "分支", "个", N),
        new("change", "更改", "项", P),
        new("patch", "补丁", "个", N),
        new("macro", "宏", "个", N),
        new("module", "模块", "个", N),

        // Hardware, disks and networks.
        new("printer", "打印机", "台", N),
        new("print job", "打印作业", "个", P),
        new("device", "设备", "个", N),
        new("Bluetooth device", "蓝牙设备", "个", N),
        new("computer", "计算机", "台", N),
        new("display", "显示器", "台", N),
        new("keyboard", "键盘", "个", N),
        new("screen", "屏幕", "个", P),
        new("router", "路由器", "台", N),
        new("server", "服务器", "台", N),
        new("network", "网络", "个", N),
        new("network drive", "网络驱动器", "个", N),
        new("shared folder", "共享文件夹", "个", N),
        new("connection", "连接", "个", N),
        new("proxy", "代理", "个", N),
        new("firewall", "防火墙", null, P),
        new("disk", "磁盘", "个", N),
        new("drive", "驱动器", "个", N),
        new("partition", "分区", "个", N),
        new("volume", "卷", "个", N),
        new("file system", "文件系统", "个", N),
        new("disc", "光盘", "张", N),
        new("domain", "域名", "个", N),
        new("location", "位置", "个", N),
        new("QR code", "二维码", "个", P),
        new("checksum", "校验和", "个", P),
        new("keyring", "密钥环", "个", N),

        // Software and system settings.
        new("setting", "设置", "项", P),
        new("update", "更新", "个", P),
        new("application", "应用程序", "个", N),
        new("plugin", "插件", "个", N),
        new("extension", "扩展", "个", N),
        new("theme", "主题", "个", N),
        new("font", "字体", "个", N),
        new("driver", "驱动程序", "个", N),
        new("firmware", "固件", null, P),
        new("language", "语言", "种", P),
        new("keyboard layout", "键盘布局", "个", N),
        new("time zone", "时区", "个", P),
        new("resolution", "分辨率", "种", P),
        new("color", "颜色", "种", N),
        new("style", "样式", "种", N),
        new("effect", "效果", "种", P),
        new("sound", "声音", "个", N),
        new("animation", "动画", "个", P),
        new("feature", "功能", "项", P),
        new("package list", "软件包列表", "个", P),
        new("service", "服务", "个", N),
        new("process", "进程", "个", P),
        new("session", "会话", "个", N),
        new("system", "系统", "个", P),
        new("virtual machine", "虚拟机", "台", N),
        new("container", "容器", "个", N),
        new("operation", "操作", "个", P),
        new("download", "下载", null, P),
        new("upload", "上传", null, P),
        new("transfer", "传输", null, P),
        new("installation", "安装", null, P),
    ];

    private static readonly Dictionary<string, Noun> BySingular = All.ToDictionary(noun => noun.Singular, StringComparer.Ordinal);

    /// <summary>The nouns named in a comma-separated list of singulars.</summary>
    /// <exception cref="InvalidOperationException">A name is not in the glossary.</exception>
    public static IReadOnlyList<Noun> Parse(string list)
        => [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => BySingular.TryGetValue(name, out var noun) ? noun : throw new InvalidOperationException($"built-in corpus: the noun '{name}' is not in the glossary"))];
}
