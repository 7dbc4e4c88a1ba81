"""Sales report as a chain of generators over csv.DictReader, with floats.

Floats are summed and rounded once at the end (fine to the cent at this size);
the report says "left out" rather than "skipped", and lists months as well.
"""

import csv
import math
import sys
from collections import defaultdict
from datetime import datetime


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def clean(rows, counter):
    for row in rows:
        try:
            when = datetime.strptime((row.get("date") or "").strip(), "%Y-%m-%d")
            region = (row.get("region") or "").strip()
            product = (row.get("product") or "").strip()
            units = int((row.get("units") or "").strip())
            price = float((row.get("unit_price") or "").strip())
            if not region or not product or not math.isfinite(price):
                raise ValueError
        except ValueError:
            counter["skipped"] += 1
            continue
        counter["rows"] += 1
        yield when.strftime("%Y-%m"), region, product, units, price


def summarize(csv_path):
    counter = {"rows": 0, "skipped": 0}
    by_region = defaultdict(float)
    by_month = defaultdict(float)
    by_product = defaultdict(int)
    for month, region, product, units, price in clean(read_rows(csv_path), counter):
        by_region[region] += units * price
        by_month[month] += units * price
        by_product[product] += units
    ranked = sorted(by_product.items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        "revenue_by_region": {k: round(v, 2) for k, v in by_region.items()},
        "monthly": [{"month": k, "revenue": round(by_month[k], 2)} for k in sorted(by_month)],
        "top_product": ranked[0][0] if ranked else None,
        **counter,
    }


def render_markdown(summary):
    parts = ["# Sales summary", "", "| Region | Revenue (USD) |", "|:--|--:|"]
    parts += [f"| {region} | {amount:.2f} |"
              for region, amount in sorted(summary["revenue_by_region"].items(),
                                           key=lambda kv: -kv[1])]
    parts += ["", "| Month | Revenue (USD) |", "|:--|--:|"]
    parts += [f"| {m['month']} | {m['revenue']:.2f} |" for m in summary["monthly"]]
    parts += ["", f"Best-selling product: {summary['top_product'] or 'none'}.",
              f"{summary['skipped']} of {summary['rows'] + summary['skipped']} rows were left out "
              "because a field was blank or not a number."]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render_markdown(summarize(sys.argv[1])))
