"""Run ``find_quotes`` over a gold JSONL file and write scorer predictions.

Usage::

    python tools/eval_quotes.py GOLD.jsonl [PRED.jsonl] [--speech-only]
    python /work/shared/tools/score_annotations.py GOLD.jsonl --predictions PRED.jsonl

or as a scorer COMMAND (JSONL records in on stdin, predictions out on stdout)::

    score_annotations.py GOLD.jsonl -- python tools/eval_quotes.py --stdin [--speech-only]

``--speech-only`` leaves out quotations of kind "scare" (scare quotes and titles no one is
named as saying), which attribution gold data does not annotate.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.core.annotate.quotes import find_quotes


def _predict(record: dict[str, object], speech_only: bool) -> dict[str, object]:
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


def main(argv: list[str]) -> int:
    """Entry point; see the module docstring."""
    speech_only = "--speech-only" in argv
    args = [a for a in argv if a != "--speech-only"]
    if args and args[0] == "--stdin":
        for line in sys.stdin:
            if line.strip():
                print(json.dumps(_predict(json.loads(line), speech_only), ensure_ascii=False))
        return 0
    if not args:
        print(__doc__)
        return 2
    gold_path = Path(args[0])
    out_path = Path(args[1]) if len(args) > 1 else Path("/tmp/quotes-pred.jsonl")
    with gold_path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
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
