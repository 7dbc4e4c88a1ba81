"""Sales report with a Sale dataclass; money in integer cents, so sums are exact.

Revenue is reported as floats built from the cents. The report is a table of
region, units and revenue, and a "Rows skipped: N" line.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PRICE = re.compile(r"(\d+)(?:\.(\d{1,2}))?")


@dataclass(frozen=True)
class Sale:
    month: str
    region: str
    product: str
    units: int
    cents_each: int

    @property
    def cents(self) -> int:
        return self.units * self.cents_each


def to_sale(row: dict) -> Sale | None:
    date = (row.get("date") or "").strip()
    region = (row.get("region") or "").strip()
    product = (row.get("product") or "").strip()
    units = (row.get("units") or "").strip()
    price = PRICE.fullmatch((row.get("unit_price") or "").strip())
    if not (DATE.fullmatch(date) and region and product and units.lstrip("-").isdigit() and price):
        return None
    cents_each = int(price.group(1)) * 100 + int((price.group(2) or "0").ljust(2, "0"))
    return Sale(date[:7], region, product, int(units), cents_each)


def summarize(csv_path: str) -> dict:
    region_cents: Counter[str] = Counter()
    month_cents: Counter[str] = Counter()
    product_units: Counter[str] = Counter()
    rows = skipped = 0
    with open(csv_path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            sale = to_sale(row)
            if sale is None:
                skipped += 1
                continue
            rows += 1
            region_cents[sale.region] += sale.cents
            month_cents[sale.month] += sale.cents
            product_units[sale.product] += sale.units
    best = max(sorted(product_units), key=product_units.__getitem__) if product_units else None
    return {
        "revenue_by_region": {r: c / 100 for r, c in region_cents.items()},
        "monthly": [{"month": m, "revenue": month_cents[m] / 100} for m in sorted(month_cents)],
        "top_product": best,
        "rows": rows,
        "skipped": skipped,
    }


def render_markdown(summary: dict) -> str:
    lines = ["# Sales by region", "", "| Region | Revenue |", "| ------ | ------: |"]
    for region, revenue in sorted(summary["revenue_by_region"].items()):
        lines.append(f"| {region} | ${revenue:,.2f} |")
    lines += ["", f"Rows used: {summary['rows']}", "", f"Rows skipped: {summary['skipped']}"]
    return "\n".join(lines)


if __name__ == "__main__":
    print(render_markdown(summarize(sys.argv[1])))
