"""Printable code slips for the hall: A4 HTML, 10 a page, code and QR code (segno)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from forms.errors import InputError
from tui.i18n import language, t
from tui.serve.pages import esc

SLIPS_PER_PAGE = 10
BASE_URL = re.compile(r"^https?://[A-Za-z0-9.\-\[\]:]+(?::\d{1,5})?/?$")

STYLE = """
@page { size: A4; margin: 8mm; }
* { box-sizing: border-box; }
body { margin: 0; color: #000;
       font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
.page { display: grid; grid-template-columns: 1fr 1fr; grid-auto-rows: 56mm; width: 194mm;
        break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.slip { border: 1px dashed #555; padding: 3mm 4mm; display: grid; grid-template-columns: 1fr auto;
        grid-template-rows: auto auto 1fr auto; column-gap: 3mm; overflow: hidden; }
.title { grid-column: 1 / 3; font-size: 9pt; font-weight: 700; }
.group { font-size: 9pt; color: #333; }
.code { font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: 21pt; font-weight: 700;
        letter-spacing: 0.5mm; align-self: center; }
.label { font-size: 8pt; color: #333; }
.qr { grid-column: 2; grid-row: 2 / 5; align-self: center; }
.qr svg { display: block; }
.url { grid-column: 1; font-size: 7pt; color: #222; word-break: break-all; }
.once { grid-column: 1; font-size: 7pt; }
"""


def slip_base_url(url: str) -> str:
    """The hall's address as given to `--url` (http://HALL:PORT), without a trailing slash."""
    cleaned = url.strip()
    if not BASE_URL.match(cleaned):
        raise InputError("serve.slips.bad_url", url=url)
    return cleaned.rstrip("/")


def slip_url(base: str, code: str) -> str:
    return f"{base}/v/{code}"


def _qr_svg(url: str) -> str:
    import segno  # small, pure Python: only the slips need it

    # One module a millimetre: about 3 cm on paper, easy for any phone camera at arm's length.
    return str(segno.make(url, error="m").svg_inline(scale=1, unit="mm", border=2))


def slips_html(title: str, group: str, codes: Sequence[str], base_url: str) -> str:
    """The whole printable page: slips in pages of ten, cut lines around each."""
    pages = []
    for start in range(0, len(codes), SLIPS_PER_PAGE):
        slips = []
        for code in codes[start : start + SLIPS_PER_PAGE]:
            url = slip_url(base_url, code)
            slips.append(
                '<div class="slip">'
                f'<div class="title">{esc(title)}</div>'
                f'<div class="group">{esc(group)} · '
                f'<span class="label">{esc(t("serve.slips.code"))}</span></div>'
                f'<div class="code">{esc(code)}</div>'
                f'<div class="qr">{_qr_svg(url)}</div>'
                f'<div class="url">{esc(t("serve.slips.scan", url=base_url))}</div>'
                f'<div class="once">{esc(t("serve.slips.once"))}</div>'
                "</div>"
            )
        pages.append(f'<section class="page">{"".join(slips)}</section>')
    lang = "zh-CN" if language() == "zh" else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f"<style>{STYLE}</style></head><body>{''.join(pages)}</body></html>\n"
    )


def write_slips(path: Path, title: str, group: str, codes: Sequence[str], base_url: str) -> Path:
    """Write the printable slips to `path` (mode 0600, atomically): the only place they are written."""
    from store.storage import write_atomic

    write_atomic(path, slips_html(title, group, codes, base_url).encode("utf-8"))
    return path
