"""Texts of the results area (issue 11): ties, the 十佳 run-off, the 五力, counts, office files."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "results.opt.format": (
        "文件格式：csv（机器接口，默认）或 xlsx（Excel/WPS 直接打开，数字为数字、编号为文本）；输出文件以 .xlsx 结尾时默认 xlsx。",
        "File format: csv (the machine interface, default) or xlsx (opens in Excel/WPS with numbers as numbers "
        "and codes as text); xlsx by default when the output ends in .xlsx.",
    ),
    "results.opt.drop_units": (
        "名单中去掉、但已有督导记录、自评或测评票的单位编号（逗号分隔）：明确同意去掉它们时才填写。",
        "Ids (comma-separated) of units left out of the new roster although they have visits, self-assessments "
        "or ballots: give them only to drop those units on purpose.",
    ),
    "results.import.zeros_restored": (
        "{count} 个纯数字编号被电子表格去掉了前导零，已按现有名单补回（如 40 → 040）。",
        "{count} all-digit codes had lost their leading zeros in a spreadsheet and were matched to the stored "
        "codes (e.g. 40 -> 040).",
    ),
    "results.import.orphan": (
        "单位 {id}（{name}）不在新名单中，但已有{kinds}",
        "unit {id} ({name}) is not in the new roster but has {kinds}",
    ),
    "results.import.data.visits": ("督导记录", "supervision visits"),
    "results.import.data.self": ("自评", "self-assessments"),
    "results.import.data.ballots": ("测评票", "ballots"),
    "results.import.orphans_refused": (
        "{file}：新名单会使 {count} 个单位的数据失去归属，未导入任何内容；若确要去掉它们，请加 --drop-units {ids}。",
        "{file}: the new roster would orphan the data of {count} units; nothing was imported. To drop them on "
        "purpose, add --drop-units {ids}.",
    ),
    "results.import.backup": (
        "替换前的名单已备份：{path}（可用 kaoping restore 恢复）。",
        "The roster before the import is backed up in {path} (kaoping restore brings it back).",
    ),
    "results.import.bad_yes_no": (
        "“{value}”不是是/否答案；可用：{allowed}",
        '"{value}" is not a yes/no answer; allowed: {allowed}',
    ),
    "results.import.formula": (
        "单元格是公式（{value}），请改为数值或文本后再导入",
        "the cell is a formula ({value}); replace it by its value or text and import again",
    ),
    "results.import.bad_xlsx": (
        "{file} 不是可读取的 xlsx 工作簿（{detail}），请用 Excel 或 WPS 另存为 .xlsx 后再试。",
        "{file} is not a readable xlsx workbook ({detail}); save it as .xlsx from Excel or WPS and try again.",
    ),
    "results.import.no_openpyxl": (
        "读取 {file} 需要 openpyxl，请安装：pip install openpyxl。",
        "Reading {file} needs openpyxl: pip install openpyxl.",
    ),
}
