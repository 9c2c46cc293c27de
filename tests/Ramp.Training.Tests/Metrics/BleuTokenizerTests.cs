// sacreBLEU's tokenizers: 13a punctuation rules and zh character splitting, with the range quirk of its table.
using Ramp.Training.Metrics;

namespace Ramp.Training.Tests.Metrics;

public class BleuTokenizerTests
{
    [Theory]
    [InlineData("The dog bit the man.", "The dog bit the man .")]
    [InlineData("It wasn't surprising.", "It wasn't surprising .")]
    [InlineData("3.14, 1,000 and 5-4", "3.14 , 1,000 and 5 - 4")]
    [InlineData("&quot;a&quot; &amp; b &lt;c&gt;", "\" a \" & b < c >")]
    [InlineData("x<skipped>y", "xy")]
    public void Thirteen_a_splits_punctuation_as_mteval(string text, string expected)
        => Assert.Equal(expected, string.Join(' ', BleuTokenizer.Tokenize(text, BleuTokenization.Thirteen)));

    [Theory]
    [InlineData("打开文件 \"%s\" 失败。", "打 开 文 件 \" % s \" 失 败 。")]
    [InlineData("无法读取 README.md: 权限不足", "无 法 读 取 README . md : 权 限 不 足")]
    [InlineData("版本 2.0—新", "版 本 2.0 — 新")]
    public void Zh_splits_every_chinese_character(string text, string expected)
        => Assert.Equal(expected, string.Join(' ', BleuTokenizer.Tokenize(text, BleuTokenization.Chinese)));

    [Theory]
    [InlineData(0x4E2D, true)]   // 中
    [InlineData(0x2014, true)]   // em dash: inside U+2001..U+2A6D, the range sacreBLEU's table really tests
    [InlineData(0x2000, false)]
    [InlineData(0x2A6E, false)]
    [InlineData(0x20000, false)] // Extension B is not matched, as in sacreBLEU
    [InlineData(0x0041, false)]
    public void Chinese_ranges_follow_sacrebleu(int codePoint, bool expected)
        => Assert.Equal(expected, BleuTokenizer.IsChinese(codePoint));
}
