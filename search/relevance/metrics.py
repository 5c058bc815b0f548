"""Ranking measures for the judged query set (binary relevance = grade >= 1; nDCG uses the grades)."""

import math


def precision_at(ranked: list[str], judged: dict[str, int], k: int = 5) -> float:
    return sum(1 for item in ranked[:k] if judged.get(item, 0) > 0) / k


def best_precision_at(judged: dict[str, int], k: int = 5) -> float:
    """What the judgements allow: a query with 2 relevant practices cannot score more than 2/5."""
    return min(k, sum(1 for grade in judged.values() if grade > 0)) / k


def recall_at(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    """Of the relevant practices that fit in k places, how many are there."""
    relevant = {item for item, grade in judged.items() if grade > 0}
    if not relevant:
        return 1.0
    return len(relevant & set(ranked[:k])) / min(k, len(relevant))


def reciprocal_rank(ranked: list[str], judged: dict[str, int]) -> float:
    for position, item in enumerate(ranked, start=1):
        if judged.get(item, 0) > 0:
            return 1 / position
    return 0.0


def ndcg_at(ranked: list[str], judged: dict[str, int], k: int = 10) -> float:
    def dcg(grades):
        return sum((2**grade - 1) / math.log2(position + 1) for position, grade in enumerate(grades, start=1))

    ideal = dcg(sorted(judged.values(), reverse=True)[:k])
    return dcg([judged.get(item, 0) for item in ranked[:k]]) / ideal if ideal else 1.0
