"""Run ``find_quotes`` over a gold JSONL file and write scorer predictions, or list errors.

Usage::

    python tools/eval_quotes.py GOLD.jsonl [PRED.jsonl] [--speech-only]
    python /work/shared/tools/score_annotations.py GOLD.jsonl --predictions PRED.jsonl

or as a scorer COMMAND (JSONL records in on stdin, predictions out on stdout)::

    score_annotations.py GOLD.jsonl -- python tools/eval_quotes.py --stdin [--speech-only]

or to study errors (matching as in the scorer: a prediction is right when half of it lies
in one gold direct or mixed quotation; a gold direct quotation is found when half of it
lies in one prediction)::

    python tools/eval_quotes.py GOLD.jsonl --errors spurious|missed [--kind K] [--limit N]
    python tools/eval_quotes.py GOLD.jsonl --breakdown

``--errors`` prints each spurious prediction (or missed gold quotation) in its sentence
context, with its kind, speaker mention and cue; ``--kind`` keeps one kind (full, partial,
scare). ``--breakdown`` counts predictions and errors by kind and by whether a speaker
was found. ``--speech-only`` leaves out quotations of kind "scare" (scare quotes and
titles no one is named as saying), which attribution gold data does not annotate.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.core.annotate.quotes import find_quotes

Record = dict[str, Any]


def _predict(record: Record, speech_only: bool) -> Record:
    text = str(record["text"])
    quotes = [
        {
            "start": q.start,
            "end": q.end,
            "speaker": q.speaker,
            "speaker_start": q.speaker_start,
            "speaker_end": q.speaker_end,
            "cue": q.cue,
            "kind": q.kind,
        }
        for q in find_quotes(text)
        if not (speech_only and q.kind == "scare")
    ]
    return {"id": record["id"], "dates": [], "quotes": quotes}


def _covered(a0: int, a1: int, spans: list[Record]) -> bool:
    """Half of ``[a0, a1)`` lies inside one of ``spans`` (the scorer's matching rule)."""
    need = 0.5 * max(1, a1 - a0)
    return any(min(a1, s["end"]) - max(a0, s["start"]) >= need for s in spans)


def _context(text: str, start: int, end: int, width: int = 160) -> str:
    """The span in [[ ]] with up to ``width`` characters of its paragraph either side."""
    lo = max(text.rfind("\n", 0, start) + 1, start - width)
    hi = text.find("\n", end)
    hi = min(len(text) if hi < 0 else hi, end + width)
    return f"{text[lo:start]}[[{text[start:end]}]]{text[end:hi]}"


def _errors(records: list[Record], mode: str, kind: str | None, limit: int) -> None:
    shown = 0
    for record in records:
        text = str(record["text"])
        gold = [a for a in record["attributions"] if a["type"] in ("quote_direct", "quote_mixed")]
        preds = _predict(record, False)["quotes"]
        if mode == "spurious":
            wrong = [q for q in preds if not _covered(q["start"], q["end"], gold)]
        else:
            direct = [a for a in gold if a["type"] == "quote_direct"]
            wrong = [a for a in direct if not _covered(a["start"], a["end"], preds)]
        for item in wrong:
            if kind is not None and item.get("kind") != kind:
                continue
            s0, s1 = item.get("speaker_start"), item.get("speaker_end")
            who = text[s0:s1] if s0 is not None else None
            print(f"- {record['id']} {item.get('kind') or item.get('type')} speaker={who!r} "
                  f"cue={item.get('cue')!r}")
            print(f"  {_context(text, item['start'], item['end'])}")
            shown += 1
            if shown >= limit:
                return


def _breakdown(records: list[Record]) -> None:
    total: Counter[tuple[str, bool]] = Counter()
    wrong: Counter[tuple[str, bool]] = Counter()
    for record in records:
        gold = [a for a in record["attributions"] if a["type"] in ("quote_direct", "quote_mixed")]
        for q in _predict(record, False)["quotes"]:
            key = (q["kind"], q["speaker_start"] is not None)
            total[key] += 1
            wrong[key] += not _covered(q["start"], q["end"], gold)
    print("kind     speaker  predicted  spurious")
    for key in sorted(total):
        print(f"{key[0]:<8} {'yes' if key[1] else 'no':<8} {total[key]:>9}  {wrong[key]:>8}")


def _option(args: list[str], name: str, default: str | None) -> str | None:
    if name in args:
        i = args.index(name)
        value = args[i + 1] if i + 1 < len(args) else default
        del args[i : i + 2]
        return value
    return default


def main(argv: list[str]) -> int:
    """Entry point; see the module docstring."""
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    speech_only = "--speech-only" in argv
    breakdown = "--breakdown" in argv
    args = [a for a in argv if a not in ("--speech-only", "--breakdown")]
    mode = _option(args, "--errors", None)
    kind = _option(args, "--kind", None)
    limit = int(_option(args, "--limit", "1000000") or 1000000)
    if args and args[0] == "--stdin":
        for line in sys.stdin:
            if line.strip():
                print(json.dumps(_predict(json.loads(line), speech_only), ensure_ascii=False))
        return 0
    gold_path = Path(args[0])
    with gold_path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    if mode is not None:
        if mode not in ("spurious", "missed"):
            print("--errors takes spurious or missed")
            return 2
        _errors(records, mode, kind, limit)
        return 0
    if breakdown:
        _breakdown(records)
        return 0
    out_path = Path(args[1]) if len(args) > 1 else Path("/tmp/quotes-pred.jsonl")
    t0 = time.perf_counter()
    preds = [_predict(r, speech_only) for r in records]
    elapsed = time.perf_counter() - t0
    with out_path.open("w", encoding="utf-8") as out:
        for p in preds:
            out.write(json.dumps(p, ensure_ascii=False) + "\n")
    chars = sum(len(str(r["text"])) for r in records)
    print(f"find_quotes: {elapsed:.2f} s for {chars / 1e6:.2f} M characters -> {out_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
