"""Words for what an import did, shared by the window and `palimpsest-cli import`."""

from __future__ import annotations

from desktop.core.library.records import ImportSummary


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def headline(summary: ImportSummary) -> str:
    """One line: "Added 3 articles; 1 already in the library; 2 failed." (or cancelled)."""
    fresh = [item for item in summary.added if item.duplicate_of is None]
    parts = [f"Added {_count(len(fresh), 'article')}"]
    if summary.duplicates:
        parts.append(f"{_count(len(summary.duplicates), 'possible duplicate')} (same text, other bytes)")
    if summary.already:
        parts.append(f"{len(summary.already)} already in the library")
    if summary.failed:
        parts.append(f"{len(summary.failed)} could not be read")
    text = "; ".join(parts) + "."
    return ("Import cancelled. " + text) if summary.cancelled else text


def report_lines(summary: ImportSummary) -> list[str]:
    """Every file's fate, grouped: added, duplicates, already there, failed (with reasons)."""
    fresh = [item for item in summary.added if item.duplicate_of is None]
    lines = [f"Added: {len(fresh)}"]
    lines += [f"  #{item.article_id} {item.source} (story {item.story_id})" for item in fresh]
    if summary.duplicates:
        lines.append("Duplicate candidates (added, same text as an earlier article): "
                     f"{len(summary.duplicates)}")
        lines += [f"  #{item.article_id} {item.source}: same text as #{item.duplicate_of}"
                  for item in summary.duplicates]
    if summary.already:
        lines.append(f"Already in the library: {len(summary.already)}")
        lines += [f"  {item.source}: already in the library as #{item.article_id}" for item in summary.already]
    if summary.failed:
        lines.append(f"Failed: {len(summary.failed)}")
        lines += [f"  {failure.source}: {failure.reason}" for failure in summary.failed]
    if summary.cancelled:
        lines.append("Cancelled: the files after these were not imported.")
    return lines


def describe_import(summary: ImportSummary) -> tuple[str, str]:
    """(headline, the full report) for a dialog with details."""
    return headline(summary), "\n".join(report_lines(summary))
