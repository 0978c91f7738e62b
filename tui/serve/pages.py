"""The hall's HTML pages, rendered on the server: every value from data goes through `esc` (html.escape)."""

from __future__ import annotations

import secrets
from functools import lru_cache
from html import escape

from tui.i18n import language, t
from tui.serve.ballot import BallotState, BallotStatus, HallService, Question, Review

CSRF_SLOT = f"\x00csrf-{secrets.token_hex(8)}\x00"
"""Where a cached row's CSRF token goes (random per process: no unit name can hold it)."""

ROWS_KEPT = 20_000
"""Rendered rows kept for reuse; past this the cache starts again (a hall needs a few hundred)."""


def esc(value: object) -> str:
    """Text and attribute values, escaped: names like `<script>` show as text."""
    return escape(str(value), quote=True)


def layout(title: str, body: str, *, larger: bool = False, page: str = "") -> str:
    """The page frame: local CSS and JS only (CSP default-src 'self'), nothing inline."""
    lang = "zh-CN" if language() == "zh" else "en"
    classes = " ".join(part for part in ("larger" if larger else "", page) if part)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{esc(title)}</title>"
        '<link rel="stylesheet" href="/static/hall.css">'
        '<script src="/static/hall.js" defer></script>'
        f'</head><body class="{classes}"><main>{body}</main></body></html>\n'
    )


def hidden(name: str, value: str) -> str:
    return f'<input type="hidden" name="{esc(name)}" value="{esc(value)}">'


# -- the code --------------------------------------------------------------------------------------


def login_page(
    meeting: str, campaign: str, csrf: str, *, code: str = "", message: str = "", voting_open: bool = True
) -> str:
    notice = f'<p class="notice" role="alert">{esc(message)}</p>' if message else ""
    closed = "" if voting_open else f'<p class="notice">{esc(t("serve.login.closed"))}</p>'
    body = (
        f'<h1>{esc(meeting)}</h1><p class="sub">{esc(campaign)}</p>{closed}{notice}'
        '<form method="post" action="/login" class="login" autocomplete="off">'
        + hidden("csrf", csrf)
        + f'<label for="code">{esc(t("serve.login.label"))}</label>'
        f'<input id="code" name="code" value="{esc(code)}" maxlength="40" autocapitalize="characters" '
        'spellcheck="false" autocomplete="off" required autofocus '
        f'placeholder="{esc(t("serve.login.placeholder"))}">'
        f'<button type="submit" class="primary">{esc(t("serve.login.start"))}</button></form>'
        f'<p class="hint">{esc(t("serve.login.secret"))}</p>'
    )
    return layout(t("serve.login.title"), body, page="p-login")


# -- the grid --------------------------------------------------------------------------------------


def status_bar(state: BallotStatus, total: int) -> str:
    tallies = "".join(
        f'<span class="tally{" full" if tally.full else ""}">'
        f"{esc(t('serve.tally', label=tally.label, count=tally.count, limit=tally.limit))}</span>"
        for tally in state.tallies
    )
    warnings = "".join(f"<li>{esc(text)}</li>" for text in state.warnings)
    return (
        f'<div id="tallies">{tallies}</div>'
        f'<span id="progress">{esc(t("serve.progress", done=state.answered_units, total=total))}</span>'
        f'<ul id="warnings" aria-live="polite">{warnings}</ul>'
    )


def _levels(service: HallService, question: Question, unit_id: str, chosen: object, label: str) -> str:
    buttons = "".join(
        _button(question, number, level.value == chosen) for number, level in enumerate(question.levels)
    )
    return f'<div class="levels" role="group" aria-label="{esc(label)}">{buttons}</div>'


@lru_cache(maxsize=1024)
def _button(question: Question, number: int, on: bool) -> str:
    """One level's button; the same for every unit, so built once: a full hall logging in at once asks
    for 200 ballot pages of 66 rows at the same moment, and taps wait behind them."""
    level = question.levels[number]
    return (
        f'<button type="submit" name="a" value="{esc(question.item_id)}:{esc(level.value)}" '
        f'data-k="{esc(level.key)}" '
        f'class="lv lv{number + 1}{" on" if on else ""}" aria-pressed="{"true" if on else "false"}">'
        f"{esc(level.label)}</button>"
    )


def _unit_row(
    service: HallService, number: int, unit_index: int, answers: dict[str, object], csrf: str
) -> str:
    unit = service.units[unit_index]
    main = service.by_id.get(service.score_item)
    parts = [
        f'<form method="post" action="/answer" class="row" id="u-{esc(unit.unit_id)}" '
        f'data-u="{esc(unit.unit_id)}">',
        hidden("csrf", csrf),
        hidden("u", unit.unit_id),
        f'<div class="unit"><span class="n">{number}</span> <span class="name">{esc(unit.name)}</span>'
        f' <span class="sec">{esc(t("serve.secretary", name=unit.secretary))}</span></div>',
    ]
    if main is not None:
        parts.append(
            _levels(service, main, unit.unit_id, answers.get(main.item_id), f"{unit.name} {main.label}")
        )
    extra = [q for q in service.questions if q.item_id != service.score_item]
    inner = []
    for question in extra:
        if question.kind == "rating":
            inner.append(
                f'<div class="dim"><span class="dl">{esc(question.label)}</span>'
                + _levels(service, question, unit.unit_id, answers.get(question.item_id), question.label)
                + "</div>"
            )
        else:
            value = answers.get(question.item_id) or ""
            inner.append(
                f'<div class="comment"><label>{esc(question.label)}'
                f'<textarea name="text" maxlength="{question.max_length}" rows="2">{esc(value)}</textarea>'
                f'</label><button type="submit" name="a" value="{esc(question.item_id)}:" class="save" '
                'data-text="1">{esc(t("serve.comment.save"))}</button>'
                "</div>"
            )
    if inner:
        required = service.dimensions == "required"
        if not any(question.dimension for question in extra):
            summary = t("serve.dims.comment_only")
        else:
            summary = t("serve.dims.required" if required else "serve.dims.optional")
        opened = " open" if required or any(answers.get(q.item_id) for q in extra) else ""
        parts.append(f"<details{opened}><summary>{esc(summary)}</summary>{''.join(inner)}</details>")
    parts.append("</form>")
    return "".join(parts)


def _rows(service: HallService, state: BallotState, csrf: str) -> str:
    """Every unit's row. A row depends only on the unit and its answers (and the session's token, put in
    last): a full hall logging in at once asks for 200 pages of 66 rows, mostly the same rows, so each is
    rendered once and reused from the service's cache (read and written on the event loop only)."""
    cache = service.rendered_rows
    lang = language()
    parts = []
    for index, unit in enumerate(service.units):
        answers = state.answers.get(unit.unit_id, {})
        key = (lang, index, tuple(sorted((item, repr(value)) for item, value in answers.items())))
        row = cache.get(key)
        if row is None:
            if len(cache) >= ROWS_KEPT:
                cache.clear()
            row = cache[key] = _unit_row(service, index + 1, index, dict(answers), CSRF_SLOT)
        parts.append(row)
    return "".join(parts).replace(CSRF_SLOT, esc(csrf))


def ballot_page(
    service: HallService, state: BallotState, csrf: str, *, larger: bool, message: str = ""
) -> str:
    total = len(service.units)
    rows = _rows(service, state, csrf)
    flash = (
        f'<p id="msg" class="notice" role="alert">{esc(message)}</p>'
        if message
        else '<p id="msg" role="alert"></p>'
    )
    body = (
        f'<header class="bar"><h1>{esc(service.backend.meeting_name)}</h1>'
        f'<div id="status">{status_bar(state, total)}</div>{flash}</header>'
        f'<p class="hint">{esc(t("serve.grid.hint"))}</p>'
        f'<div id="grid" data-csrf="{esc(csrf)}" data-offline="{esc(t("serve.offline"))}">{rows}</div>'
        f'<form method="post" action="/leave" class="leave">{hidden("csrf", csrf)}'
        f'<button type="submit" id="leave">{esc(t("serve.leave"))}</button>'
        f'<span class="hint">{esc(t("serve.leave.hint"))}</span></form>'
        '<footer class="actions">'
        f'<form method="post" action="/larger">{hidden("csrf", csrf)}'
        f'<button type="submit" id="larger" aria-pressed="{"true" if larger else "false"}">'
        f"{esc(t('serve.larger'))}</button></form>"
        f'<a class="primary" id="to-review" href="/review">{esc(t("serve.to_review"))}</a>'
        "</footer>"
    )
    return layout(service.backend.meeting_name, body, larger=larger, page="p-ballot")


# -- review, thanks, problems ----------------------------------------------------------------------


def review_page(service: HallService, review: Review, csrf: str, *, larger: bool) -> str:
    state = review.state
    main = service.by_id.get(service.score_item)
    counts = ""
    if main is not None:
        given = [row.get(main.item_id) for row in state.answers.values()]
        cells = "".join(f"<li>{esc(level.label)}：{given.count(level.value)}</li>" for level in main.levels)
        counts = f'<ul class="counts">{cells}</ul>'
    names = {unit.unit_id: unit.name for unit in service.units}
    missing = ""
    if review.missing_units:
        links = "".join(
            f'<li><a href="/ballot#u-{esc(unit)}">{esc(names.get(unit, unit))}</a></li>'
            for unit in review.missing_units
        )
        missing = (
            f'<p class="notice" role="alert">{esc(t("serve.review.missing", count=state.missing))}</p>'
            f'<ul class="missing">{links}</ul>'
        )
    rules = "".join(
        f'<li class="bad">✗ {esc(rule.text)}</li>'
        if rule.blocking
        else f'<li class="warn">! {esc(rule.text)}</li>'
        for rule in review.breaks
    )
    verdict = (
        f'<ul class="rules">{rules}</ul>' if rules else f'<p class="ok">{esc(t("serve.review.valid"))}</p>'
    )
    invalid = any(rule.blocking for rule in review.breaks)
    seal = ""
    if review.can_seal:
        warn = f'<p class="notice">{esc(t("serve.review.invalid_seal"))}</p>' if invalid else ""
        seal = (
            f'{warn}<form method="post" action="/seal">{hidden("csrf", csrf)}'
            f'<button type="submit" class="primary" id="seal">{esc(t("serve.review.seal"))}</button></form>'
            f'<p class="hint">{esc(t("serve.review.final"))}</p>'
        )
    body = (
        f"<h1>{esc(t('serve.review.title'))}</h1>"
        f"<p>{esc(t('serve.progress', done=state.answered_units, total=len(service.units)))}</p>"
        f"{counts}{missing}{verdict}{seal}"
        f'<p><a id="back" href="/ballot">{esc(t("serve.review.back"))}</a></p>'
    )
    return layout(t("serve.review.title"), body, larger=larger, page="p-review")


def thanks_page() -> str:
    body = (
        f"<h1>{esc(t('serve.thanks.title'))}</h1><p>{esc(t('serve.thanks.body'))}</p>"
        f'<p class="hint">{esc(t("serve.thanks.secret"))}</p>'
    )
    return layout(t("serve.thanks.title"), body, page="p-thanks")


def problem_page(message: str, *, link: str = "/", link_text: str = "") -> str:
    body = (
        f'<h1>{esc(t("serve.problem.title"))}</h1><p class="notice" role="alert">{esc(message)}</p>'
        f'<p><a href="{esc(link)}">{esc(link_text or t("serve.problem.home"))}</a></p>'
    )
    return layout(t("serve.problem.title"), body, page="p-problem")
