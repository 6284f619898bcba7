"""Paragraph styles of a pack: one family, sizes that read on paper, headings kept with what follows."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from coachdesk.reports.fonts import BOLD, REGULAR

INK = colors.HexColor("#1b1b1b")
MUTED = colors.HexColor("#5a5a5a")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eef2f6")


@dataclass(frozen=True)
class PackStyles:
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    name: ParagraphStyle
    section: ParagraphStyle
    subheading: ParagraphStyle
    field_text: ParagraphStyle
    item: ParagraphStyle
    empty: ParagraphStyle


def pack_styles() -> PackStyles:
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=13, textColor=INK, spaceAfter=3)
    return PackStyles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10.5, textColor=MUTED),
        label=ParagraphStyle(
            "label", parent=body, fontName=BOLD, fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=1, keepWithNext=1
        ),
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=22, leading=28, spaceAfter=6),
        name=ParagraphStyle("name", parent=body, fontName=BOLD, fontSize=17, leading=22, spaceAfter=14),
        section=ParagraphStyle(
            "section", parent=body, fontName=BOLD, fontSize=15, leading=19, spaceBefore=10, spaceAfter=8, keepWithNext=1
        ),
        subheading=ParagraphStyle(
            "subheading", parent=body, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=8, keepWithNext=1
        ),
        field_text=ParagraphStyle("field_text", parent=body, leftIndent=10, spaceAfter=5),
        item=ParagraphStyle("item", parent=body, leftIndent=20, firstLineIndent=-10, spaceAfter=2),
        empty=ParagraphStyle("empty", parent=body, textColor=MUTED),
    )
