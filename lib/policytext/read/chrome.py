"""What a scraped page wraps around a report: chrome, source notes, appendices.

Patterns of the genre (government portals, news sites, forums, Wikisource), not of one
page.  `read.clean` uses them to decide where the speech ends and why a line was removed.

>>> bool(HARD_STOP.search("责任编辑：李某")), bool(SOFT_CHROME.fullmatch("【字号：大 中 小】"))
(True, True)
>>> is_appendix_heading("附件1 2026年民生实事"), is_appendix_heading("附件材料要齐全。")
(True, False)
>>> is_source_note("（《人民日报》1954年9月24日）"), is_stage_direction("（全体起立，长时间热烈鼓掌）")
(True, True)
"""

from __future__ import annotations

import re

__all__ = [
    "HARD_STOP",
    "NOTE_START",
    "SOFT_CHROME",
    "is_appendix_heading",
    "is_nav",
    "is_source_note",
    "is_stage_direction",
]

#: Chrome that ends the body: after it the report never resumes (forum reply box,
#: footers, "related articles", print/share buttons, a wiki's licence notice).
HARD_STOP = re.compile(
    r"您需要登录|登录后才可以|需要登录|立即注册|发表评论|我要评论|网友评论|相关阅读|相关新闻|相关文章"
    r"|相关链接|相关报道|相关附件|延伸阅读|推荐阅读|热点推荐|热门文章|上一篇|下一篇|上一条|下一条|版权所有"
    r"|Copyright|©|ICP备|ICP证|公网安备|网站标识码|主办单位|承办单位|主办[：:]|网站地图|联系我们"
    r"|关于我们|免责声明|责任编辑|责编[：:]|打印本页|【打印】|关闭窗口|【关闭】|分享到|扫一扫"
    r"|返回顶部|返回列表|快速回复|Powered by|本作品[是在不]|公有领域|维基文库|Public domain|知识共享",
    re.IGNORECASE,
)

#: Whole lines of soft chrome: forum user statistics and post metadata, pagination,
#: article metadata, viewer buttons one token per line.  Inside the body they are removed
#: as page chrome.
SOFT_CHROME = re.compile(
    r"(?:首页|上一页|下一页|尾页|末页|第\s*\d+\s*页|共\s*\d+\s*页|[\d\s]+"
    r"|[【\[]?\s*(?:字号|字体)[:：]?.*|[大中小](?:\s*[大中小]){0,2}|[】\]]|【?(?:下载|打印|分享|收藏)】?[:：]?"
    r"|[（(【\[]?\s*(?:发布时间|发布日期|时间|日期|来源|作者|编辑|浏览次数|浏览|阅读次数|阅读|点击数|点击"
    r"|访问量|当前位置|您现在的位置|信息来源|文章来源)[:：].*"
    r"|(?:主题|帖子|积分|精华|金币|威望|贡献|在线时间|注册时间|最后登录|阅读权限|UID|版主|楼主|沙发|板凳"
    r"|地板|举报|回复|引用|收藏|点评|使用道具|只看该作者|电梯直达|显示全部楼层|阅读模式|复制链接|设为首页"
    r"|收藏本站|本版积分规则|客服中心|在线咨询|联系电话|关闭|来源)[:：]?"
    r"|(?:本帖最后由|发表于|查看[:：]|TA的).*"
    r"|(?:19|20)\d{2}[-年/.]\d{1,2}[-月/.]\d{1,2}日?\s*(?:\d{1,2}[:时]\d{1,2}分?(?::\d{2})?)?"
    r"|<!--.*|-->|.*中央政府门户网站.*|【?E-mail推荐】?)",
    re.IGNORECASE,
)
_NAV_SPLIT = re.compile(r"[|｜·•/>›»\s]+")
_SENTENCE_STOP = re.compile("[。！？；]")

# The heading of what follows a speech in print: glossary, appendix (民生实事), notes.
_APPENDIX = re.compile(
    r"^(?:附件\s*\d{0,2}|附[:：]|附录|附錄|附注|附註|名词解释|名詞解釋|名词注释|名词解读|注释|註釋|注解"
    r"|参考资料)(?:\s|[:：]|$|\d|[（(【\[［]|\d{4}年|.{0,20}(?:民生实事|名词|注释|解释)$)"
)
# A newspaper or agency named as the source, or a note in the page's own voice.
_SOURCE_NOTE = re.compile(
    r"[（(]\s*(?:《[^》]{2,12}》|新华社|来源[:：]|据新华社|原载|本文来源|转自|新华网|人民网|中国政府网)"
    r"[^（）()]{0,60}[）)]"
)
_STAGE = re.compile(r"[（(][^（）()]{0,20}(?:掌声|鼓掌|起立|欢呼)[^（）()]{0,10}[）)]")
#: Where a source note or stage direction starts right after the speech's last sentence,
#: glued to it on one line.
NOTE_START = re.compile(
    r"(?<=[。！？!?）)])[ \t\u3000\xa0]*(?=[（(]\s*(?:《[^》]{2,12}》|新华社|据新华社|全体起立|全场起立))"
)


def is_nav(t: str) -> bool:
    """A navigation bar: three or more short tokens and no sentence punctuation.

    >>> is_nav("首页 > 政务公开 > 政府工作报告"), is_nav("我们要稳增长、促改革。")
    (True, False)
    """
    if _SENTENCE_STOP.search(t):  # checked first: it rules out body lines without splitting them
        return False
    tokens = [tok for tok in _NAV_SPLIT.split(t) if tok]
    return len(tokens) >= 3 and all(len(tok) <= 8 for tok in tokens)


def is_appendix_heading(t: str) -> bool:
    """A short line that opens a glossary or appendix printed after the speech.

    >>> is_appendix_heading("名词解释"), is_appendix_heading("注释：")
    (True, True)
    """
    return len(t) <= 40 and bool(_APPENDIX.match(t))


def is_source_note(t: str) -> bool:
    """A whole line that names where the text was published: （《人民日报》…）, （新华社…讯）.

    >>> is_source_note("（新华社北京三月五日电）"), is_source_note("（一）稳增长。")
    (True, False)
    """
    return bool(_SOURCE_NOTE.fullmatch(t.replace(" ", "")))


def is_stage_direction(t: str) -> bool:
    """A whole line that only records the hall's reaction: （鼓掌）, （全体起立，长时间鼓掌）.

    >>> is_stage_direction("（热烈鼓掌）"), is_stage_direction("（鼓掌）我们要继续奋斗。")
    (True, False)
    """
    return bool(_STAGE.fullmatch(t.replace(" ", "")))
