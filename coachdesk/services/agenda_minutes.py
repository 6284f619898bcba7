"""A held one-on-one as the leader log tells it: what was done, talked about, deferred and not reached."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from coachdesk.models import AgendaItem, Commitment
from coachdesk.services.agenda_points import REMADE, day_words

SECTIONS = ("Done", "Talked about, still open", "Deferred to next time", "Not reached")


def section_of(item: AgendaItem) -> str | None:
    """Where an item goes in the log; a template line or the prompt only counts with notes (or deferred)."""
    if item.deferred:
        return "Deferred to next time"
    if item.source in REMADE and not item.notes:
        return None
    if item.done:
        return "Done"
    if item.notes or item.seconds_spent:
        return "Talked about, still open"
    return "Not reached"


def summary_text(opening: str, items: Sequence[AgendaItem], recognitions: Sequence[str]) -> str:
    """The meeting as the leader log tells it: what was done, talked about, deferred and not reached."""
    grouped: dict[str, list[str]] = {name: [] for name in SECTIONS}
    for item in items:
        section = section_of(item)
        if section is not None:
            notes = "\n  ".join(line for line in item.notes.splitlines() if line.strip())
            grouped[section].append(f"- {item.text} — {notes}" if notes else f"- {item.text}")
    parts = [opening.strip()] if opening.strip() else []
    parts.extend(f"{name}:\n" + "\n".join(lines) for name, lines in grouped.items() if lines)
    if recognitions:
        parts.append("Recognised:\n" + "\n".join(f"- {reason}" for reason in recognitions))
    return "\n\n".join(parts)


def next_steps_text(commitments: Sequence[Commitment], names: Mapping[str, str]) -> str:
    return "\n".join(
        f"- {names.get(c.owner_id, '?')}: {c.text}" + (f" (by {day_words(c.due_on)})" if c.due_on else "")
        for c in commitments
    )
