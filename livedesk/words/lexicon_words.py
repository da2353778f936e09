"""Words of the compliance lint: the lexicon's categories and how serious a hit is, with their colours. The
script editor's underlines and tooltips and `livedesk lint` read them here."""

from __future__ import annotations

from livedesk.domain.lexicon import Severity
from livedesk.words.vocabulary import Vocabulary, Word

# Category keys of the shipped lexicon files; the team's own banned words are "custom".
LEXICON_CATEGORIES = Vocabulary(
    "lexicon category",
    {
        "absolute": Word("绝对化/极限用语", "Absolute claims"),
        "medical": Word("医疗/功效承诺", "Medical or efficacy claims"),
        "price": Word("虚假/价格用语", "Misleading price claims"),
        "off_platform": Word("站外导流", "Off-platform trading"),
        "competitor": Word("平台竞品名", "Competing platform names"),
        "finance": Word("金融收益", "Financial returns"),
        "authority": Word("权威/国家背书", "Official endorsement"),
        "superstition": Word("封建迷信", "Superstition"),
        "urgency": Word("虚假紧迫/诱导", "False urgency"),
        "custom": Word("自定义禁用词", "Team's banned words"),
    },
)
LINT_SEVERITIES = Vocabulary(
    "lint severity",
    {
        Severity.ERROR: Word("错误", "Error", "#E5484D"),
        Severity.WARNING: Word("警告", "Warning", "#F5A524"),
        Severity.INFO: Word("提示", "Info", "#3E8ED0"),
    },
)
