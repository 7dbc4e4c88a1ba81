"""WRONG: months are listed by revenue, highest first, instead of in month order.

Sales report that keeps money as Decimal all the way (the brief allows either).

csv.reader with the header's column positions; the markdown table has no outer
pipes (valid GitHub markdown) and the skipped rows get their own sentence.
"""

import csv
import sys
from decimal import Decimal, InvalidOperation

CENT = Decimal("0.01")


def summarize(csv_path):
    revenue, months, units = {}, {}, {}
    used = skipped = 0
    with open(csv_path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            return _result(revenue, months, units, 0, 0)
        at = {name.strip(): i for i, name in enumerate(header)}
        for record in reader:
            if not record:
                continue
            try:
                day, region, product, count, price = (
                    record[at[c]].strip()
                    for c in ("date", "region", "product", "units", "unit_price"))
                if not (day and region and product):
                    raise ValueError("blank field")
                count_value = int(count)
                price_value = Decimal(price)
                if not price_value.is_finite():
                    raise ValueError("price is not a number")
            except (IndexError, ValueError, InvalidOperation):
                skipped += 1
                continue
            amount = count_value * price_value
            revenue[region] = revenue.get(region, Decimal(0)) + amount
            months[day[:7]] = months.get(day[:7], Decimal(0)) + amount
            units[product] = units.get(product, 0) + count_value
            used += 1
    return _result(revenue, months, units, used, skipped)


def _result(revenue, months, units, used, skipped):
    top = None
    if units:
        top = sorted(units, key=lambda name: (-units[name], name))[0]
    return {
        "revenue_by_region": {r: v.quantize(CENT) for r, v in revenue.items()},
        "monthly": [{"month": m, "revenue": months[m].quantize(CENT)}
                    for m in sorted(months, key=months.get, reverse=True)],
        "top_product": top,
        "rows": used,
        "skipped": skipped,
    }


def render_markdown(summary):
    out = ["# Revenue by region", "", "Region | Revenue", "--- | ---:"]
    for region in sorted(summary["revenue_by_region"]):
        out.append(f"{region} | {summary['revenue_by_region'][region]}")
    out.append("")
    count = summary["skipped"]
    out.append(f"Skipped {count} row{'s' if count != 1 else ''} with a blank or non-numeric field.")
    return "\n".join(out)


if __name__ == "__main__":
    print(render_markdown(summarize(sys.argv[1])))
