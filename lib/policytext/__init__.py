"""policytext: analyse Chinese government work reports (政府工作报告).

>>> import policytext
>>> report = policytext.load_report("seeds/000_ad79a472d2986914.txt")  # doctest: +SKIP
>>> report.metadata.region  # doctest: +SKIP
'郑州市惠济区'
"""

from .corpus import Corpus, load_corpus
from .errors import ReportError
from .report import Report, load_report
from .session import setup
from .tracking import track

__all__ = ["Corpus", "Report", "ReportError", "load_corpus", "load_report", "setup", "track"]
__version__ = "0.1.0"
