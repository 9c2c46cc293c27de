// The actions of the built-in corpus's UI messages: English verb, its Chinese, and the objects it is said of,
// written for Ramp. Each verb lists only the objects a UI would pair it with, so every generated message is one a
// program could show. Regular English forms come from English; irregular ones are written here. Chinese verbs are
// used as they are before their object (打开文件) and after it in the perfective (文件已打开).
namespace Ramp.Training.Data.Corpus.Builtin;

/// <summary>Which past forms of a verb make sense in a message.</summary>
[Flags]
internal enum VerbForms
{
    /// <summary>Only the base form and the gerund ("Open file", "Opening file…").</summary>
    Present = 0,

    /// <summary>The passive: "The file was opened", "File opened".</summary>
    Passive = 1,

    /// <summary>The active past of a count: "Opened 3 files" (the past participle doubles as the simple past).</summary>
    Past = 2,

    /// <summary>Both.</summary>
    All = Passive | Past,
}

/// <summary>An action of a UI message.</summary>
/// <param name="Base">English base form, possibly phrasal ("back up", "connect to").</param>
/// <param name="Chinese">The Chinese verb.</param>
/// <param name="PastParticiple">"opened", "sent", "backed up".</param>
/// <param name="Gerund">"opening", "stopping".</param>
/// <param name="Forms">Which past forms messages may use.</param>
/// <param name="Objects">The nouns it is said of.</param>
internal sealed record Verb(string Base, string Chinese, string PastParticiple, string Gerund, VerbForms Forms, IReadOnlyList<Noun> Objects);

internal static class Verbs
{
    // Lists of objects shared by a pair of opposite verbs.
    private const string Switchable = "account, user, plugin, extension, service, device, network, printer, notification, "
        + "keyboard shortcut, rule, filter, repository, driver, feature, proxy, firewall, keyboard layout, module";
    private const string Lockable = "file, document, screen, account, device, layer, keyboard, toolbar, panel, session, computer, note";
    private const string Encryptable = "file, folder, document, disk, partition, volume, archive, backup, email, message, database, drive, attachment, note";
    private const string Mountable = "disk, drive, partition, volume, disk image, network drive, shared folder, file system, device";
    private const string Removable = "package, update, font, theme, plugin, extension, driver, application, module";
    private const string Exchangeable = "file, document, image, photo, video, contact, calendar, bookmark, password, setting, "
        + "certificate, key, profile, playlist, template, theme, project, database, table, email, configuration";

    /// <summary>Every verb, in a fixed order.</summary>
    public static IReadOnlyList<Verb> All { get; } =
    [
        V("open", "打开",
            "file, folder, directory, document, image, photo, video, archive, attachment, report, template, "
            + "spreadsheet, presentation, log file, script, database, playlist, email, message, window, tab, link, "
            + "project, repository, calendar, note, bookmark, application, disk image, trash, menu, panel, location, "
            + "conversation, profile"),
        V("save", "保存",
            "file, document, image, photo, video, report, template, spreadsheet, presentation, log file, script, "
            + "project, playlist, password, attachment, screenshot, note, contact, profile, draft, email, message, "
            + "page, configuration, change, session, chart, table"),
        V("close", "关闭",
            "file, document, window, tab, dialog, panel, sidebar, project, database, connection, session, "
            + "conversation, spreadsheet, presentation, application, account, menu, notification, archive"),
        V("delete", "删除",
            "file, folder, directory, document, image, photo, video, song, archive, attachment, report, template, "
            + "screenshot, spreadsheet, presentation, log file, script, backup, snapshot, account, user, profile, "
            + "message, email, contact, event, calendar, bookmark, note, project, repository, branch, playlist, "
            + "partition, database, table, comment, rule, filter, signature, shortcut, layer, slide, key, "
            + "certificate, group, channel, conversation, draft, task, virtual machine, container, "
            + "keyboard shortcut, page, wallpaper, history, tag, disk image, chart, volume, print job, notification"),
        V("copy", "复制",
            "file, folder, directory, document, image, photo, video, archive, attachment, link, password, message, "
            + "page, layer, slide, table, chart, script, template, note, email address"),
        V("move", "移动",
            "file, folder, directory, document, image, photo, video, archive, attachment, message, email, tab, "
            + "window, layer, slide, page, bookmark, note, event, task, shortcut, icon, panel, toolbar"),
        V("rename", "重命名",
            "file, folder, directory, document, image, photo, video, archive, project, repository, branch, "
            + "playlist, profile, device, printer, tab, layer, calendar, group, channel, bookmark, template, script, "
            + "spreadsheet, presentation, snapshot, virtual machine, container, volume, partition, table, database, "
            + "note, shortcut, log file, tag, session, computer"),
        V("print", "打印",
            "file, document, image, photo, page, report, email, message, spreadsheet, presentation, slide, chart, "
            + "calendar, note, log file, table, form, screenshot, QR code"),
        V("download", "下载",
            "file, document, image, photo, video, song, archive, attachment, report, template, update, package, "
            + "font, theme, plugin, extension, driver, application, playlist, backup, certificate, log file, "
            + "wallpaper, script, firmware, disk image, package list"),
        V("upload", "上传",
            "file, document, image, photo, video, song, archive, attachment, report, backup, certificate, key, "
            + "log file, screenshot, package, avatar, script"),
        V("install", "安装", Removable + ", certificate, printer, language, keyboard layout, firmware, patch"),
        V("uninstall", "卸载", Removable),
        V("update", "更新",
            "package, application, driver, plugin, extension, database, index, cache, repository, list, calendar, "
            + "contact, profile, password, firmware, project, report, chart, table, setting, certificate, "
            + "package list, system, location"),
        V("remove", "移除",
            "account, user, printer, device, Bluetooth device, member, tag, filter, rule, bookmark, shortcut, "
            + "extension, plugin, theme, font, language, keyboard layout, signature, key, certificate, attachment, "
            + "contact, password, calendar, network, server, repository, panel, icon, effect, style, permission, "
            + "application"),
        V("create", "创建",
            "file, folder, directory, document, account, user, profile, project, repository, branch, playlist, "
            + "partition, volume, database, table, backup, snapshot, archive, calendar, event, task, note, bookmark, "
            + "rule, filter, signature, shortcut, group, channel, template, virtual machine, container, key, "
            + "certificate, link, layer, report, chart, slide, spreadsheet, presentation, tag, keyboard shortcut, "
            + "index, disk image, file system, meeting"),
        V("import", "导入", Exchangeable + ", song"),
        V("export", "导出", Exchangeable + ", report, chart, log file, presentation, spreadsheet, note"),
        V("connect to", "连接到",
            "server, network, database, printer, device, Bluetooth device, virtual machine, service, "
            + "network drive, shared folder, proxy, display, computer, router", forms: VerbForms.Past),
        V("connect", "连接", "printer, device, Bluetooth device, display, keyboard, network drive, account"),
        V("disconnect", "断开", "printer, device, Bluetooth device, display, keyboard, network drive, network"),
        V("edit", "编辑",
            "file, document, image, photo, video, profile, contact, event, task, note, bookmark, template, script, "
            + "rule, filter, signature, shortcut, comment, message, layer, slide, page, table, chart, report, "
            + "spreadsheet, presentation, playlist, account, setting, tag, link, keyboard shortcut, draft, "
            + "configuration, form"),
        V("load", "加载",
            "file, document, image, page, project, profile, plugin, extension, module, driver, font, theme, "
            + "script, database, table, configuration, playlist, calendar, certificate, key, template, setting, "
            + "cache, index, history, package list, thumbnail, session"),
        V("restore", "恢复",
            "file, folder, document, image, photo, backup, snapshot, window, tab, session, setting, database, "
            + "account, message, email, contact, partition, project, virtual machine, configuration, draft"),
        V("replace", "替换", "file, image, photo, document, font, key, certificate, template, wallpaper, attachment, signature"),
        V("select", "选择",
            "file, folder, directory, image, photo, document, printer, device, network, account, user, language, "
            + "font, theme, template, wallpaper, calendar, contact, profile, drive, partition, disk, layer, slide, "
            + "page, tab, window, color, keyboard layout, server, database, table, playlist, song, video, archive, "
            + "certificate, key, backup, snapshot, time zone, location, resolution, style, effect, icon, avatar", forms: VerbForms.Past),
        V("choose", "选择",
            "file, folder, image, photo, color, font, language, theme, wallpaper, template, printer, account, "
            + "profile, avatar, location, time zone, style", past: "chosen", forms: VerbForms.Present),
        V("share", "共享",
            "file, folder, document, printer, calendar, screen, project, note, directory, spreadsheet, "
            + "presentation, location, playlist, link"),
        V("sync", "同步",
            "file, folder, calendar, contact, bookmark, password, setting, account, device, note, playlist, "
            + "repository, project, email, history"),
        V("verify", "验证",
            "file, signature, certificate, package, checksum, password, email address, account, backup, disk, "
            + "partition, key, disk image, download, domain"),
        V("back up", "备份",
            "file, folder, directory, document, photo, database, contact, calendar, setting, project, "
            + "virtual machine, partition, disk, email, message, note, device, profile, configuration, system"),
        V("send", "发送",
            "file, document, image, photo, video, message, email, attachment, link, report, invitation, contact, "
            + "location, note, screenshot, request, notification", past: "sent"),
        V("reset", "重置",
            "password, setting, account, device, printer, network, profile, filter, keyboard shortcut, connection, "
            + "application, toolbar, configuration", past: "reset", gerund: "resetting", forms: VerbForms.Passive),
        V("write", "写入", "file, disk, disk image, log file, database, cache, configuration, table", past: "written", forms: VerbForms.Passive),
        V("read", "读取",
            "file, disk, disk image, log file, database, table, cache, index, certificate, key, setting, "
            + "directory, folder, archive, profile, configuration, disc", past: "read", forms: VerbForms.Passive),
        V("show", "显示",
            "window, file, folder, password, notification, toolbar, panel, sidebar, status bar, menu, icon, grid, "
            + "layer, comment, thumbnail, history, calendar, log file", past: "shown", forms: VerbForms.Present),
        V("hide", "隐藏",
            "window, file, folder, password, notification, toolbar, panel, sidebar, status bar, menu, icon, grid, "
            + "layer, comment, thumbnail, slide, tab", past: "hidden", forms: VerbForms.Passive),
        V("lock", "锁定", Lockable),
        V("unlock", "解锁", Lockable + ", keyring, disk, volume"),
        V("enable", "启用", Switchable),
        V("disable", "禁用", Switchable),
        V("add", "添加",
            "file, folder, image, photo, account, user, printer, device, Bluetooth device, contact, event, task, "
            + "note, bookmark, tag, rule, filter, signature, shortcut, keyboard shortcut, language, keyboard layout, "
            + "font, member, comment, attachment, link, page, slide, layer, table, chart, calendar, server, network, "
            + "repository, channel, group, key, certificate, song, video, email address, location, application, "
            + "effect"),
        V("apply", "应用", "setting, theme, filter, update, template, rule, change, configuration, patch, style, effect"),
        V("encrypt", "加密", Encryptable + ", connection"),
        V("decrypt", "解密", Encryptable),
        V("compress", "压缩", "file, folder, document, image, photo, video, backup, log file, database, directory, attachment"),
        V("extract", "解压缩", "archive, file, package, backup"),
        V("mount", "挂载", Mountable),
        V("unmount", "卸载", Mountable),
        V("eject", "弹出", "disk, drive, device, volume, disk image, disc"),
        V("format", "格式化", "disk, drive, partition, volume", past: "formatted", gerund: "formatting"),
        V("start", "启动", "service, application, virtual machine, container, server, process, session"),
        V("stop", "停止",
            "service, application, virtual machine, container, server, process, task, download, upload, session, "
            + "animation", past: "stopped", gerund: "stopping"),
        V("restart", "重新启动", "service, application, virtual machine, container, server, computer, device, session, process, system"),
        V("cancel", "取消",
            "download, upload, task, print job, update, installation, meeting, event, subscription, invitation, "
            + "transfer, operation, request, backup"),
        V("pause", "暂停",
            "download, upload, task, print job, update, installation, transfer, video, song, backup, printer, "
            + "virtual machine, container, operation, animation"),
        V("refresh", "刷新", "page, list, folder, calendar, table, chart, repository, package list, thumbnail"),
        V("scan", "扫描", "document, image, photo, page, disk, drive, file, folder, network, QR code", past: "scanned", gerund: "scanning"),
        V("change", "更改",
            "password, setting, language, theme, wallpaper, font, keyboard layout, name, email address, avatar, "
            + "time zone, icon, color, permission, owner, resolution, keyboard shortcut, style, location"),
        V("register", "注册", "account, device, user, domain"),
        V("play", "播放", "song, video, playlist, file, sound, animation, presentation", forms: VerbForms.Present),
        V("record", "录制", "video, screen, meeting, call, macro, sound"),
        V("merge", "合并", "file, document, folder, branch, contact, layer, table, partition, video, change"),
        V("split", "拆分", "file, document, archive, window, table, video, partition", past: "split", gerund: "splitting", forms: VerbForms.Passive),
        V("convert", "转换", "file, document, image, photo, video, table, disk image, archive, spreadsheet, presentation"),
        V("preview", "预览",
            "file, document, image, photo, video, page, template, theme, font, report, email, slide, presentation, "
            + "spreadsheet, change, wallpaper, attachment, effect, style", forms: VerbForms.Present),
        V("search", "搜索",
            "file, folder, directory, document, email, message, contact, note, history, repository, database, "
            + "log file, calendar, bookmark", forms: VerbForms.Past),
        V("configure", "配置",
            "network, printer, account, device, server, proxy, firewall, service, keyboard, display, router, "
            + "plugin, extension, repository, database, virtual machine, container, notification, connection, "
            + "application, rule"),
        V("upgrade", "升级", "package, application, system, firmware, driver, plugin, extension, database, account"),
        V("join", "加入", "group, meeting, channel, network, conversation, call", forms: VerbForms.Past),
        V("leave", "退出", "group, meeting, channel, conversation, call", past: "left", forms: VerbForms.Past),
        V("block", "屏蔽", "user, contact, email address", forms: VerbForms.Past),
        V("unblock", "取消屏蔽", "user, contact, email address", forms: VerbForms.Past),
        V("invite", "邀请", "user, member, contact", forms: VerbForms.Past),
        V("clear", "清除", "cache, history, list, notification, filter, clipboard, log file, password"),
        V("empty", "清空", "trash, clipboard, cache"),
        V("rebuild", "重建", "index, cache, database, project", past: "rebuilt"),
        V("build", "构建", "project, package, container, module", past: "built"),
        V("run", "运行", "script, application, task, macro, container, virtual machine", past: "run", gerund: "running", forms: VerbForms.Passive),
        V("overwrite", "覆盖", "file, document, image, backup, template, configuration", past: "overwritten", forms: VerbForms.Passive),
        V("submit", "提交", "form, report, change, request, comment", past: "submitted", gerund: "submitting"),
        V("paste", "粘贴", "image, link, file, folder"),
        V("insert", "插入", "image, table, link, page, slide, chart, comment, signature, photo"),
        V("crop", "裁剪", "image, photo, video, screenshot", past: "cropped", gerund: "cropping"),
        V("rotate", "旋转", "image, photo, page, video"),
        V("archive", "归档", "message, email, conversation, project, note"),
        V("pin", "固定", "tab, message, note, conversation, application", past: "pinned", gerund: "pinning"),
    ];

    private static Verb V(string english, string chinese, string objects, string? past = null, string? gerund = null, VerbForms forms = VerbForms.All)
        => new(english, chinese, past ?? English.PastParticiple(english), gerund ?? English.Gerund(english), forms, Nouns.Parse(objects));
}
