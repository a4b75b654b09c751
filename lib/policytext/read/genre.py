"""Lines every work report has: who speaks, and at which meeting.

One definition for the cleaner (which uses them to find where the report starts) and the
metadata reader (which reads the speaker, title and meeting out of them).
"""

from __future__ import annotations

import re

__all__ = ["MEETING_TAIL", "OFFICES", "SPEAKER_LINE", "SPEAKER_TITLE_ONLY"]

#: Offices whose holder delivers a work report (simplified and traditional forms).
OFFICES = (r"(?:总理|總理|省[长長]|市[长長]|[区區][长長]|[县縣][长長]|州[长長]|旗[长長]|盟[长長]"
           r"|主席|专员|專員)")

#: A speaker line: the office (with whatever precedes it) and a name of 2-4 characters.
#:
#: >>> SPEAKER_LINE.match("郑州市惠济区人民政府代区长 丁文霞").group("title", "name")
#: ('郑州市惠济区人民政府代区长', '丁文霞')
SPEAKER_LINE = re.compile(rf"(?P<title>.{{0,30}}?{OFFICES})\s*(?P<name>[\u4e00-\u9fff·]{{2,4}})$")

#: The office alone on its line, the name following on the next one.
SPEAKER_TITLE_ONLY = re.compile(rf"^.{{0,30}}?{OFFICES}$")

#: A line that ends with the meeting the report was delivered at (在…会议上).
MEETING_TAIL = re.compile(r"在.{2,60}(?:[会會][议議]|大[会會]|[会會])上?）?$")
