"""How much of a report each policy topic gets, judged from section titles.

The dictionary ``resources/topics.csv`` (columns topic, keyword) is small and reviewed like
code. A section title gets the topic of its best keyword: the longest keyword found in the
title, ties going to the one that appears first ("创新社会治理" is 社会治理, not 创新). Every
character of the report is then counted once, for the topic of the deepest section around it
whose title has a topic (a lead sentence such as "空气质量持续改善" decides for its run of text;
text under an untitled or unmatched section falls back to its ancestors), and for "其他" when
no enclosing title has a topic. Line breaks are not counted.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["OTHER_TOPIC", "load_topics", "section_topics", "title_topic", "topic_shares",
           "topic_shift"]

OTHER_TOPIC = "其他"
_BUNDLED = Path(__file__).resolve().parents[1] / "resources" / "topics.csv"


def load_topics(path: str | Path | None = None) -> pd.DataFrame:
    """The topic dictionary as a frame (topic, keyword); the bundled one by default.

    >>> load_topics().columns.tolist()
    ['topic', 'keyword']
    """
    frame = pd.read_csv(_BUNDLED if path is None else path, dtype=str, encoding="utf-8-sig")
    frame = frame.dropna().astype(str)
    frame["keyword"] = frame["keyword"].str.strip()
    frame["topic"] = frame["topic"].str.strip()
    return frame[frame["keyword"] != ""].reset_index(drop=True)[["topic", "keyword"]]


def title_topic(title: str, topics: pd.DataFrame | None = None) -> str | None:
    """The topic of one title, or None when no keyword occurs in it.

    >>> title_topic("着力完善机制，创新社会治理")
    '社会治理'
    >>> title_topic("2018年工作回顾") is None
    True
    """
    topics = load_topics() if topics is None else topics
    best: tuple[int, int, int] | None = None
    found = None
    for k, (topic, keyword) in enumerate(zip(topics["topic"], topics["keyword"])):
        pos = title.find(keyword)
        if pos < 0:
            continue
        key = (-len(keyword), pos, k)
        if best is None or key < best:
            best, found = key, topic
    return found


def section_topics(sections: pd.DataFrame, *, topics: pd.DataFrame | None = None) -> pd.Series:
    """The topic of each section's own title (None if it has none), indexed like ``sections``.

    The root (level 0) carries the report's title and gets no topic.
    """
    topics = load_topics() if topics is None else topics
    return pd.Series(
        [None if lv == 0 else title_topic(str(t), topics)
         for lv, t in zip(sections["level"], sections["title"])],
        index=sections.index, dtype=object, name="topic",
    )


def topic_shares(
    text: str,
    sections: pd.DataFrame,
    *,
    part: str | None = None,
    topics: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Characters per topic: one row per topic with topic, n_chars, share, sections.

    ``share`` is the topic's part of the counted characters (all of the report, or only the
    given ``part`` such as "plan"), so the shares sum to 1; ``sections`` lists the ids of the
    sections whose own title gave the topic. Sorted by n_chars, largest first, then topic.

    >>> from policytext.structure.headings import find_sections
    >>> t = "某县政府工作报告\\n一、2019年工作安排\\n（一）改善生态环境。治理大气污染。\\n（二）增进民生福祉。新增就业2000人。"
    >>> topic_shares(t, find_sections(t), part="plan")
      topic  n_chars     share sections
    0    民生       20  0.416667     (3,)
    1  生态环境       17  0.354167     (2,)
    2    其他       11  0.229167       ()
    """
    sec = sections.sort_values(["level", "start"])
    own = section_topics(sec, topics=topics)
    owner = np.full(len(text), -1, dtype=np.int64)  # deepest section whose title has a topic
    in_part = np.zeros(len(text), dtype=bool)
    for sid, start, end, level, sec_part, topic in zip(
        sec["section_id"], sec["start"], sec["end"], sec["level"], sec["part"], own
    ):
        # Parents come before children, so deeper sections overwrite their ancestors.
        if topic is not None:
            owner[start:end] = sid
        in_part[start:end] = part is None or sec_part == part
    chars = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32) if text else np.array([])
    counted = in_part & (chars != ord("\n"))
    topic_of = dict(zip(sec["section_id"], own))
    ids_by_topic: dict[str, list[int]] = {}
    for sid, topic in topic_of.items():
        if topic is not None:
            ids_by_topic.setdefault(topic, []).append(int(sid))
    total = int(counted.sum())
    rows = []
    values, counts = np.unique(owner[counted], return_counts=True)
    per_topic: dict[str, int] = {}
    for sid, n in zip(values, counts):
        topic = OTHER_TOPIC if sid < 0 else topic_of[int(sid)]
        per_topic[topic] = per_topic.get(topic, 0) + int(n)
    for topic, n in per_topic.items():
        ids = tuple(sorted(i for i in ids_by_topic.get(topic, [])
                           if part is None or _part_of(sections, i) == part))
        rows.append((topic, n, n / total if total else 0.0, ids))
    frame = pd.DataFrame(rows, columns=["topic", "n_chars", "share", "sections"])
    frame = frame.sort_values(["n_chars", "topic"], ascending=[False, True], kind="stable")
    return frame.reset_index(drop=True).astype({"n_chars": "int64", "share": "float64"})


def topic_shift(text: str, sections: pd.DataFrame, *, before: str = "review",
                after: str = "plan", topics: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each topic's share in two parts side by side, and the change ``after`` − ``before``.

    A topic found in one part only keeps its row, with share 0 in the other: a field the plan
    opens (or the review alone reports) is the most telling change, not a missing value.
    Sorted by change, largest rise first, then topic.

    >>> from policytext.structure.headings import find_sections
    >>> t = ("某县政府工作报告\\n一、2018年工作回顾\\n（一）改善生态环境。治理大气污染。\\n"
    ...      "二、2019年工作安排\\n（一）增进民生福祉。新增就业2000人。")
    >>> topic_shift(t, find_sections(t)).round(2).values.tolist()
    [[0.0, 0.65, 0.65], [0.39, 0.35, -0.04], [0.61, 0.0, -0.61]]
    """
    a = topic_shares(text, sections, part=before, topics=topics).set_index("topic")["share"]
    b = topic_shares(text, sections, part=after, topics=topics).set_index("topic")["share"]
    frame = pd.concat([a.rename(before), b.rename(after)], axis=1).fillna(0.0)
    frame["change"] = frame[after] - frame[before]
    frame.index.name = "topic"
    frame = frame.reset_index().sort_values(["change", "topic"], ascending=[False, True])
    return frame.set_index("topic")


def _part_of(sections: pd.DataFrame, section_id: int) -> str:
    return str(sections.loc[sections["section_id"] == section_id, "part"].iloc[0])
