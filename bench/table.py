"""What the bench scripts share: percentiles and the printed table."""
from __future__ import annotations


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def print_table(rows: list[tuple[str, str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}} | {'median/p50':>11} | {'worst':>14} | target")
    print("-" * (width + 45))
    for r in rows:
        print(f"{r[0]:<{width}} | {r[1]:>11} | {r[2]:>14} | {r[3]}")
