"""Lead sentences: the short summary sentences that open a run of text inside a section.

"产业发展路径更加明晰。" opens the paragraph that proves it. Found conservatively: a sentence
ending in 。 of 4-20 characters (a leading —— not counted), with no Arabic digits, no colon and
at most one comma, that either opens a paragraph (and is followed by more text, not a
salutation or a connective like 同时/此外) or, inside a paragraph, has no punctuation or quotes
at all and is one of at least two such lead sentences in that paragraph.
"""

from __future__ import annotations

import re

from policytext.structure.sentences import sentence_spans

__all__ = ["lead_sentence_starts"]

_LEAD_EXCLUDED_OPENERS = re.compile(
    r"(各位|同志们|代表们|对此|同时|此外|但是|然而|因此|总之|当然|另外|其中|现在)"
)
_LEAD_MAX = 20
_LEAD_MIN = 4


def lead_sentence_starts(text: str, body_start: int, end: int, *,
                         opens_paragraph: bool) -> list[int]:
    """Start offsets of the lead sentences in ``text[body_start:end]``.

    >>> t = "产业发展路径更加明晰。全年新增企业5家，完成投资12亿元。"
    >>> lead_sentence_starts(t, 0, len(t), opens_paragraph=True)
    [0]
    """
    spans = [(body_start + a, body_start + b) for a, b in sentence_spans(text[body_start:end])]
    starts: list[int] = []
    if not spans:
        return starts
    first_is_lead = False
    if opens_paragraph and len(spans) > 1:
        s = text[spans[0][0] : spans[0][1]]
        core = s.lstrip("—").rstrip("。")
        first_is_lead = (
            s.endswith("。")
            and _LEAD_MIN <= len(core) <= _LEAD_MAX
            and not re.search(r"[0-9：:]", core)
            and core.count("，") <= 1
            and not _LEAD_EXCLUDED_OPENERS.match(core)
        )
    inner = []
    for k, (a, b) in enumerate(spans):
        if k == 0 and opens_paragraph or k == len(spans) - 1:
            continue
        s = text[a:b]
        core = s.rstrip("。")
        if (
            s.endswith("。")
            and _LEAD_MIN <= len(core) <= _LEAD_MAX
            and not re.search(r"[0-9，,、；;：:“”‘’\"（）()《》—]", core)
            and not _LEAD_EXCLUDED_OPENERS.match(core)
        ):
            inner.append(a)
    if first_is_lead:
        starts.append(spans[0][0])
    if len(inner) + first_is_lead >= 2:
        starts.extend(inner)
    return starts
