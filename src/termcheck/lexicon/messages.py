"""Default Chinese messages for entries that do not write their own."""

from __future__ import annotations

from .schema import (
    CollocationEntry,
    FormulationEntry,
    LeaderEntry,
    PhrasesEntry,
    ProtectedEntry,
    SubstitutionEntry,
    TermEntry,
)

SUBCATEGORY_LABELS = {
    "pornography": "色情",
    "gambling": "赌博",
    "drugs": "毒品",
    "violence_terrorism": "暴恐",
    "cult": "邪教",
    "separatism": "分裂",
    "insult_discrimination": "侮辱歧视",
    "ad_absolute": "广告法绝对化用语",
}


def default_message(entry) -> str:
    if isinstance(entry, SubstitutionEntry):
        return f"“{entry.wrong[0]}”为错误写法，应为“{entry.right[0]}”"
    if isinstance(entry, TermEntry):
        label = SUBCATEGORY_LABELS.get(entry.subcategory or "", "敏感")
        return f"“{entry.terms[0]}”属于{label}类不良信息，不宜在政务内容中出现"
    if isinstance(entry, FormulationEntry):
        return f"规范表述为“{entry.term}”"
    if isinstance(entry, LeaderEntry):
        return f"领导人姓名应为“{entry.name}”"
    if isinstance(entry, ProtectedEntry):
        return f"名称应为“{entry.term}”"
    if isinstance(entry, CollocationEntry):
        return f"此处搭配应为“{entry.right}”，不是“{entry.word}”"
    if isinstance(entry, PhrasesEntry):
        return f"固定用语应写作“{entry.phrases[0]}”等规范形式"
    return "不规范表述"
