// Common standalone UI strings of the built-in corpus (buttons, labels, status words), written for Ramp, and the
// failure reasons of Templates as sentences of their own.
namespace Ramp.Training.Data.Corpus.Builtin;

internal static class Phrases
{
    /// <summary>Every standalone phrase and its Chinese, in a fixed order.</summary>
    public static IReadOnlyList<(string English, string Chinese)> All { get; } =
    [
        .. Standalone,
        .. Templates.Reasons.Select(reason => (English.Capitalized(reason.English) + ".", reason.Chinese + "。")),
    ];

    private static (string English, string Chinese)[] Standalone =>
    [
        ("OK", "确定"), ("Cancel", "取消"), ("Apply", "应用"), ("Close", "关闭"), ("Yes", "是"), ("No", "否"),
        ("Help", "帮助"), ("Settings", "设置"), ("Preferences", "首选项"), ("About", "关于"), ("Quit", "退出"),
        ("Undo", "撤销"), ("Redo", "重做"), ("Cut", "剪切"), ("Copy", "复制"), ("Paste", "粘贴"), ("Delete", "删除"),
        ("Select All", "全选"), ("Find", "查找"), ("Find and Replace", "查找和替换"), ("Back", "后退"), ("Forward", "前进"),
        ("Next", "下一步"), ("Previous", "上一步"), ("Finish", "完成"), ("Continue", "继续"), ("Retry", "重试"), ("Skip", "跳过"),
        ("Loading…", "正在加载…"), ("Please wait…", "请稍候…"), ("Search…", "搜索…"), ("No results found.", "未找到结果。"),
        ("Unknown error", "未知错误"), ("Are you sure?", "您确定吗？"), ("Do you want to continue?", "是否继续？"),
        ("Changes will take effect after a restart.", "更改将在重新启动后生效。"), ("Restart now", "立即重新启动"),
        ("Later", "稍后"), ("Remind me later", "稍后提醒我"), ("Don't ask again", "不再询问"),
        ("Show details", "显示详细信息"), ("Hide details", "隐藏详细信息"),
        ("Name:", "名称："), ("Size:", "大小："), ("Type:", "类型："), ("Location:", "位置："), ("Modified:", "修改时间："),
        ("Created:", "创建时间："), ("Status:", "状态："), ("Description:", "描述："), ("Version %s", "版本 %s"),
        ("Ready", "就绪"), ("Connected", "已连接"), ("Disconnected", "已断开连接"), ("Offline", "离线"), ("Online", "在线"),
        ("Enabled", "已启用"), ("Disabled", "已禁用"), ("Unknown", "未知"), ("None", "无"), ("Default", "默认"),
        ("Custom", "自定义"), ("Automatic", "自动"), ("Manual", "手动"), ("Advanced", "高级"), ("General", "常规"),
        ("Today", "今天"), ("Yesterday", "昨天"), ("Never", "从不"), ("Always", "总是"),
        ("Log In", "登录"), ("Log Out", "注销"), ("Sign out", "退出登录"), ("Username", "用户名"), ("Remember me", "记住我"),
        ("Forgot your password?", "忘记密码？"), ("Welcome", "欢迎"), ("Error", "错误"), ("Warning", "警告"),
        ("Information", "信息"), ("Success", "成功"), ("Failed", "失败"), ("Save As…", "另存为…"), ("Open With…", "打开方式…"),
        ("Full Screen", "全屏"), ("Zoom In", "放大"), ("Zoom Out", "缩小"), ("Normal Size", "正常大小"),
        ("Print Preview", "打印预览"), ("Page Setup", "页面设置"), ("Check for updates", "检查更新"), ("Up to date", "已是最新"),
        ("No updates are available.", "没有可用的更新。"), ("Your system is up to date.", "您的系统已是最新。"),
        ("Unsaved changes will be lost.", "未保存的更改将会丢失。"), ("Save changes before closing?", "关闭前是否保存更改？"),
        ("Close without saving", "不保存并关闭"), ("The operation completed successfully.", "操作已成功完成。"),
    ];
}
