"""Score find_dates on a gold JSONL file with the shared scorer.

Usage: python tools/eval_dates.py [GOLD.jsonl] [--errors N] [--out PRED.jsonl]
       python tools/eval_dates.py --stdin   (the scorer's COMMAND protocol)

Writes predictions, runs /work/shared/tools/score_annotations.py on them and, with
--errors, prints missed and spurious mentions with a little context for study. The last
group, WRONG VALUE, lists exactly the gold values the scorer's value accuracy counts
(calendar values such as "1998-Q1" or "1998-02-13TNI") that no overlapping mention got
right, missed ones included, with their context.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.core.annotate.dates import DateMention, find_dates

GOLD = "/work/shared/eval/dates-dev.jsonl"
SCORER = "/work/shared/tools/score_annotations.py"
# The values the scorer's value accuracy counts (its CONCRETE pattern).
CONCRETE = re.compile(r"^\d{4}(-(\d{2}|W\d{2}|Q\d|H\d|SP|SU|FA|WI))?(-\d{2})?(T[\d:]+|T(MO|AF|EV|NI))?$")


def _dct(raw: str | None) -> datetime.date | None:
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _serve() -> None:
    """Answer the scorer: one prediction line per {"id", "text", "dct"} input line."""
    for line in sys.stdin:
        if not line.strip():
            continue
        doc = json.loads(line)
        mentions = find_dates(doc["text"], _dct(doc.get("dct")))
        dates = [{"start": m.start, "end": m.end, "value": m.value} for m in mentions]
        sys.stdout.write(json.dumps({"id": doc["id"], "dates": dates, "quotes": []}) + "\n")


def main() -> None:
    """Run the finder over the gold documents, score it and optionally list errors."""
    parser = argparse.ArgumentParser()
    parser.add_argument("gold", nargs="?", default=GOLD)
    parser.add_argument("--out", default="/tmp/dates-pred.jsonl")
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--stdin", action="store_true", help="read {id,text,dct} JSONL")
    args = parser.parse_args()
    if args.stdin:
        _serve()
        return
    with open(args.gold, encoding="utf-8") as gold:
        docs = [json.loads(line) for line in gold if line.strip()]
    t0 = time.perf_counter()
    preds = [find_dates(d["text"], _dct(d.get("dct"))) for d in docs]
    elapsed = time.perf_counter() - t0
    with open(args.out, "w", encoding="utf-8") as out:
        for doc, mentions in zip(docs, preds, strict=True):
            dates = [{"start": m.start, "end": m.end, "value": m.value} for m in mentions]
            out.write(json.dumps({"id": doc["id"], "dates": dates, "quotes": []}) + "\n")
    print(f"find_dates: {elapsed:.2f} s")
    subprocess.run([sys.executable, SCORER, args.gold, "--predictions", args.out], check=True)
    if args.errors:
        _print_errors(docs, preds, args.errors)


def _print_errors(docs: list[dict[str, Any]], preds: list[list[DateMention]], limit: int) -> None:
    rows: dict[str, list[str]] = {
        "MISSED": [],
        "SPURIOUS": [],
        "SPAN": [],
        "VALUE": [],
        "WRONG VALUE": [],
    }
    for doc, mentions in zip(docs, preds, strict=True):
        text: str = doc["text"]
        timex: list[dict[str, Any]] = doc["timex"]
        for m in mentions:
            if not any(m.start < t["end"] and t["start"] < m.end for t in timex):
                rows["SPURIOUS"].append(f"{m.text!r} <- {text[max(0, m.start - 40) : m.end + 30]!r}")
        for t in timex:
            if t["type"] not in ("DATE", "TIME"):
                continue
            hits = [m for m in mentions if m.start < t["end"] and t["start"] < m.end]
            gold_text = text[t["start"] : t["end"]]
            if CONCRETE.match(t["value"] or "") and not any(h.value == t["value"] for h in hits):
                around = text[max(0, t["start"] - 70) : t["end"] + 40]
                got = [h.value for h in hits]
                rows["WRONG VALUE"].append(
                    f"{gold_text!r} gold {t['value']} got {got} dct {doc['dct']} <- {around!r}"
                )
            if not hits:
                around = text[max(0, t["start"] - 40) : t["end"] + 30]
                rows["MISSED"].append(f"{gold_text!r} {t['value']} <- {around!r}")
                continue
            if not any((h.start, h.end) == (t["start"], t["end"]) for h in hits):
                rows["SPAN"].append(f"gold {gold_text!r} got {[h.text for h in hits]}")
            if not any(h.value == t["value"] for h in hits):
                got = [h.value for h in hits]
                rows["VALUE"].append(f"{gold_text!r} gold {t['value']} got {got} dct {doc['dct']}")
    for title, found in rows.items():
        print(f"\n== {title} ({len(found)})")
        for row in found[:limit]:
            print("  " + row.replace("\n", " "))


if __name__ == "__main__":
    main()
