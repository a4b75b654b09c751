"""policytext: analyse Chinese government work reports (政府工作报告).

The pipeline is the folder tree: ``read`` (bytes to a cleaned report and its metadata),
``structure`` (headings, parts, sentences), ``quantities`` (indicators, deadlines), ``words``
(tokenizer, counts, keyness), ``targets`` (targets against results) and ``plots``.

>>> import policytext
>>> report = policytext.load_report("seeds/000_ad79a472d2986914.txt")  # doctest: +SKIP
>>> report.metadata.region  # doctest: +SKIP
'郑州市惠济区'
"""

from policytext.corpus import Corpus, load_corpus
from policytext.errors import ReportError
from policytext.report import Report, load_report, load_reports
from policytext.session import setup
from policytext.targets.tracking import track

__all__ = ["Corpus", "Report", "ReportError", "load_corpus", "load_report", "load_reports", "setup",
           "track"]
__version__ = "0.1.0"
