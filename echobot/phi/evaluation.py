"""Measuring the guard on a labelled corpus: recall per category and the false-positive rate."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from echobot.phi import scan


@dataclass
class Evaluation:
    caught: Counter[str] = field(default_factory=Counter)
    named_right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    clean_total: int = 0
    false_positives: list[str] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return sum(self.caught.values()) / max(1, sum(self.total.values()))

    @property
    def false_positive_rate(self) -> float:
        return len(self.false_positives) / max(1, self.clean_total)

    def category_recall(self, category: str) -> float:
        return self.caught[category] / max(1, self.total[category])


def evaluate(identifier_texts: list[tuple[str, str]], clean_texts: list[str]) -> Evaluation:
    result = Evaluation()
    for category, text in identifier_texts:
        result.total[category] += 1
        findings = scan(text)
        if findings:
            result.caught[category] += 1
            if any(f.category == category for f in findings):
                result.named_right[category] += 1
        else:
            result.missed.append((category, text))
    for text in clean_texts:
        result.clean_total += 1
        if scan(text):
            result.false_positives.append(text)
    return result
