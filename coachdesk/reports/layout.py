"""Page setup for packs: paper size from the locale unless chosen, margins, and the organisation's header line."""

from __future__ import annotations

import enum
import locale
import os
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm

LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PR", "SV", "PA", "DO", "NI"})
"""Where Letter paper is the norm; everywhere else prints on A4."""


class Paper(enum.StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def size(self) -> tuple[float, float]:
        size: tuple[float, float] = A4 if self is Paper.A4 else LETTER
        return size


LETTER_COUNTRY_NAMES = frozenset(
    {
        "UNITED STATES",
        "CANADA",
        "MEXICO",
        "PHILIPPINES",
        "CHILE",
        "COLOMBIA",
        "VENEZUELA",
        "GUATEMALA",
        "COSTA RICA",
        "PUERTO RICO",
        "EL SALVADOR",
        "PANAMA",
        "DOMINICAN REPUBLIC",
        "NICARAGUA",
    }
)
"""The same places as Windows names them in its locale names ("English_United States")."""


def paper_for_locale(name: str | None = None, system_name: str = "") -> Paper:
    """Letter for North and Central American locales (en_US.UTF-8, es_MX...), A4 otherwise.

    Without a `name`, the environment decides (LC_PAPER before LANG, as on Linux), then `system_name` (the desktop's
    own locale, for apps started where no such variable is set, as on macOS and Windows), then Python's locale.
    """
    if name is None:
        name = os.environ.get("LC_ALL") or os.environ.get("LC_PAPER") or os.environ.get("LANG") or ""
        name = name or system_name or (locale.getlocale()[0] or "")
    territory = name.split(".")[0].partition("_")[2].upper()
    return Paper.LETTER if territory in LETTER_TERRITORIES | LETTER_COUNTRY_NAMES else Paper.A4


@dataclass(frozen=True)
class PackLayout:
    paper: Paper
    organisation: str = ""
    """Printed at the top of every page; empty prints "CoachDesk review pack"."""
    margin: float = 18 * mm

    @property
    def header_line(self) -> str:
        return self.organisation.strip() or "CoachDesk review pack"
