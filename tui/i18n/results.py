"""Texts of the results area (issue 11): ties, the 十佳 run-off, the 五力, counts, office files."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "results.opt.format": (
        "文件格式：csv（机器接口，默认）或 xlsx（Excel/WPS 直接打开，数字为数字、编号为文本）；输出文件以 .xlsx 结尾时默认 xlsx。",
        "File format: csv (the machine interface, default) or xlsx (opens in Excel/WPS with numbers as numbers "
        "and codes as text); xlsx by default when the output ends in .xlsx.",
    ),
}
