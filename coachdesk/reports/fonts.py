"""The pack's fonts: DejaVu Sans ships with CoachDesk; CJK text falls back to a system font when one is installed.

Paragraph text goes through `markup`, which escapes anything that looks like markup (a note saying "<b>" prints
"<b>") and switches runs of characters the shipped font lacks to the fallback font.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR, BOLD, FALLBACK = "CoachDeskSans", "CoachDeskSans-Bold", "CoachDeskFallback"
FALLBACK_ENV = "COACHDESK_CJK_FONT"
FALLBACK_CANDIDATES = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/msgothic.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)
"""TrueType-outline fonts with CJK glyphs (reportlab cannot embed CFF-outline OpenType such as Noto Sans CJK)."""

log = logging.getLogger(__name__)


def shipped_font(name: str) -> Path:
    return Path(str(files("coachdesk.resources").joinpath("fonts", name)))


@dataclass
class PackFonts:
    """The registered fonts and the glyphs they hold; notes which characters no font could print."""

    regular: frozenset[int]
    fallback: frozenset[int]
    fallback_file: Path | None
    missing: set[str] = field(default_factory=set)

    def markup(self, text: str) -> str:
        """Paragraph markup that prints `text` exactly, line breaks kept, in whichever font holds each character."""
        runs: list[str] = []
        run: list[str] = []
        run_is_fallback = False
        for char in text:
            fallback = self._needs_fallback(char)
            if run and fallback != run_is_fallback:
                runs.append(self._run("".join(run), run_is_fallback))
                run = []
            run.append(char)
            run_is_fallback = fallback
        if run:
            runs.append(self._run("".join(run), run_is_fallback))
        return "".join(runs)

    def _needs_fallback(self, char: str) -> bool:
        code = ord(char)
        if code in self.regular or char in "\n\t":
            return False
        if code in self.fallback:
            return True
        if char not in self.missing:
            self.missing.add(char)
            log.warning(
                "No font holds the character %r (U+%04X); install a CJK font such as fonts-droid-fallback, "
                "or name one in %s.",
                char,
                code,
                FALLBACK_ENV,
            )
        return False

    @staticmethod
    def _run(text: str, fallback: bool) -> str:
        escaped = escape(text).replace("\n", "<br/>")
        return f'<font name="{FALLBACK}">{escaped}</font>' if fallback else escaped


@cache
def pack_fonts() -> PackFonts:
    """Registers the fonts with reportlab once per process."""
    regular = TTFont(REGULAR, str(shipped_font("DejaVuSans.ttf")))
    pdfmetrics.registerFont(regular)
    pdfmetrics.registerFont(TTFont(BOLD, str(shipped_font("DejaVuSans-Bold.ttf"))))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, name)
    fallback_file = fallback_font_file()
    fallback: frozenset[int] = frozenset()
    if fallback_file is not None:
        font = TTFont(FALLBACK, str(fallback_file))
        pdfmetrics.registerFont(font)
        for bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
            addMapping(FALLBACK, bold, italic, FALLBACK)
        fallback = frozenset(font.face.charToGlyph)
    else:
        log.info("No CJK font found; Chinese, Japanese and Korean text would print as empty boxes.")
    return PackFonts(frozenset(regular.face.charToGlyph), fallback, fallback_file)


def fallback_font_file() -> Path | None:
    chosen = os.environ.get(FALLBACK_ENV)
    candidates = (chosen,) if chosen else FALLBACK_CANDIDATES
    return next((Path(c) for c in candidates if Path(c).is_file()), None)
