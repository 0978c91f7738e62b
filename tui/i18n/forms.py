"""Catalogue entries of the forms area: key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ commands
    "forms.cmd.group": (
        "查看和检查考评表单（测评表、自评表、督导记录表等）。",
        "List, show and check the assessment forms.",
    ),
    "forms.cmd.list": ("列出内置表单。", "List the built-in forms."),
    "forms.cmd.show": (
        "显示表单的栏目、题目、分值和评分标准。ID 为内置表单编号或表单文件路径。",
        "Show a form's sections and items with their points and criteria. ID is a built-in form id or a form file.",
    ),
    "forms.cmd.check": (
        "检查表单或规则文件，一次列出全部问题（文件:行号: 位置: 问题）。可给内置表单编号或文件路径。",
        "Check form or rules files and report every problem at once (FILE:LINE: path: problem). "
        "Accepts built-in form ids or paths.",
    ),
    "forms.list.header": ("编号\t版本\t适用范围\t题目数\t名称", "ID\tVERSION\tSCOPE\tITEMS\tTITLE"),
    "forms.list.rules": (
        "另有默认考评规则：forms/builtin/rules.toml（kaoping forms show rules）",
        "Also the default campaign rules: forms/builtin/rules.toml (kaoping forms show rules)",
    ),
    "forms.scope.ballot": (
        "测评票（每位评议人对每个单位各填一次）",
        "ballot (each evaluator, once per unit)",
    ),
    "forms.scope.vote": ("评选票（每位评议人填一次）", "vote (once per evaluator)"),
    "forms.scope.unit": ("单位自评", "unit self-assessment"),
    "forms.scope.visit": ("督导记录（每次督导填一次）", "supervision visit (once per visit)"),
    "forms.type.rating": ("等级评价", "rating"),
    "forms.type.score": ("打分", "score"),
    "forms.type.check": ("是/否", "yes/no"),
    "forms.type.choice": ("单选", "single choice"),
    "forms.type.multi": ("多选", "multiple choice"),
    "forms.type.text": ("文字", "text"),
    "forms.type.deduct": ("减分", "deduction"),
    "forms.type.veto": ("否决", "veto"),
    "forms.show.title": ("{title}（{form_id}，版本 {version}）", "{title} ({form_id}, version {version})"),
    "forms.show.scope": ("适用范围：{scope}", "Scope: {scope}"),
    "forms.show.total": ("满分：{total}", "Full marks: {total}"),
    "forms.show.parts": ("总分计算：{formula}", "Total: {formula}"),
    "forms.show.part_term": ("{label} × {weight}%", "{label} × {weight}%"),
    "forms.show.score_item": (
        "计分题：{item}（其分值即该单位的测评得分）",
        "Score item: {item} (its points are the unit's review score)",
    ),
    "forms.show.section": ("【{title}】", "[{title}]"),
    "forms.show.section_points": ("【{title}】（{points}分）", "[{title}] ({points} points)"),
    "forms.show.item": ("{number} {label}  [{kind}]", "{number} {label}  [{kind}]"),
    "forms.show.required": ("必答", "required"),
    "forms.show.points": ("{points}分", "{points} points"),
    "forms.show.range": ("{min}–{max}，步长 {step}", "{min}–{max}, step {step}"),
    "forms.show.range_nostep": ("{min}–{max}", "{min}–{max}"),
    "forms.show.levels": ("等级：{levels}", "Levels: {levels}"),
    "forms.show.level": ("{key}={label}({points})", "{key}={label}({points})"),
    "forms.show.choices": ("选项：{choices}", "Choices: {choices}"),
    "forms.show.choices_from": ("选项来自：{source}", "Choices from: {source}"),
    "forms.show.picks": ("选 {min}–{max} 项", "pick {min}–{max}"),
    "forms.show.max_length": ("不超过 {max} 字", "at most {max} characters"),
    "forms.show.deduct_each": (
        "每次扣 {points} 分，最多扣 {cap} 分",
        "{points} off each time, at most {cap}",
    ),
    "forms.show.deduct_cap": ("最多扣 {cap} 分", "at most {cap} off"),
    "forms.show.veto_stars": ("命中则最高 {stars} 星", "if hit: at most {stars} stars"),
    "forms.show.veto_no_star": ("命中则不评星级", "if hit: no star"),
    "forms.show.veto_grade": ("命中则等次最高为“{grade}”", 'if hit: grade at most "{grade}"'),
    "forms.show.note": ("未得满分须填写说明", "note required below full marks"),
    "forms.show.show_if": ("仅当 {condition} 时显示", "shown only when {condition}"),
    "forms.show.criteria": ("评分标准：{text}", "Criteria: {text}"),
    "forms.show.weight_zero": ("记录项，不计分", "recorded, not scored"),
    "forms.show.quota": ("限额：{text}", "Quota: {text}"),
    "forms.show.invalid_rule": ("无效票规则：{text}", "Invalid-ballot rule: {text}"),
    "forms.show.rules_title": ("考评规则（{file}）", "Campaign rules ({file})"),
    "forms.rules.on": ("启用", "on"),
    "forms.rules.off": ("不启用", "off"),
    "forms.rules.rating_points": ("等级分值：{points}", "Rating points: {points}"),
    "forms.rules.trim": (
        "有效票超过 {count} 张时去掉一个最高分和一个最低分",
        "With more than {count} valid scores, drop one highest and one lowest",
    ),
    "forms.rules.groups": (
        "评议人类别加权（{state}）：{groups}",
        "Rater-group weighting ({state}): {groups}",
    ),
    "forms.rules.composite": ("综合得分权重：{weights}", "Composite weights: {weights}"),
    "forms.rules.grades": ("等次分数线：{bands}", "Grade bands: {bands}"),
    "forms.rules.stars": ("星级分数线：{bands}", "Star bands: {bands}"),
    "forms.rules.five_star_quota": ("五星级不超过 {percent}%", "Five stars for at most {percent}%"),
    "forms.rules.no_star_below": (
        "满意度低于 {threshold}% 的不评星级",
        "No star below {threshold}% satisfaction",
    ),
    "forms.rules.supervision.mean": (
        "日常督导得分：各次督导得分的平均分",
        "Supervision score: the mean of the visits",
    ),
    "forms.rules.supervision.median": (
        "日常督导得分：各次督导得分的中位数",
        "Supervision score: the median of the visits",
    ),
    "forms.rules.supervision.last": (
        "日常督导得分：最近一次督导的得分",
        "Supervision score: the latest visit",
    ),
    "forms.rules.supervision.min": ("日常督导得分：各次督导的最低分", "Supervision score: the lowest visit"),
    "forms.rules.results_open": ("投票结束前可查看结果", "Results visible before voting closes"),
    "forms.rules.results_closed": ("投票结束后才显示结果", "Results shown only after voting closes"),
    "forms.check.ok": ("{file}：检查通过，未发现问题。", "{file}: OK, no problems found."),
    "forms.check.summary": ("共发现 {count} 个问题。", "{count} problem(s) found."),
    "forms.check.missing_argument": (
        "请给出至少一个表单编号或文件路径。",
        "Give at least one form id or file path.",
    ),
    # ------------------------------------------------------------------ errors (exit 2 / 1)
    "forms.error.no_file": (
        "找不到文件 {path}；请检查路径，或用 kaoping forms list 查看内置表单编号。",
        "File {path} not found; check the path, or see the built-in form ids with kaoping forms list.",
    ),
    "forms.error.is_directory": ("{path} 是目录，不是表单文件。", "{path} is a directory, not a form file."),
    "forms.error.unreadable": ("无法读取 {path}：{reason}。", "Cannot read {path}: {reason}."),
    "forms.error.not_utf8": (
        "{path} 不是 UTF-8 编码（第 {offset} 字节处）；请用文本编辑器另存为 UTF-8。",
        "{path} is not UTF-8 (at byte {offset}); save it as UTF-8 in a text editor.",
    ),
    "forms.error.unknown_form": (
        "没有编号为 {form_id} 的内置表单；可用的有：{known}。",
        "There is no built-in form {form_id}; the built-in forms are: {known}.",
    ),
    "forms.error.broken_form": (
        "表单 {file} 有 {count} 个问题（第一个在第 {line} 行）；请运行 kaoping forms check {file} 查看全部。",
        "Form {file} has {count} problem(s), the first at line {line}; run kaoping forms check {file} to see them all.",
    ),
    "forms.error.broken_rules": (
        "规则文件 {file} 有 {count} 个问题（第一个在第 {line} 行）；请运行 kaoping forms check {file} 查看全部。",
        "Rules file {file} has {count} problem(s), the first at line {line}; run kaoping forms check {file} to see them all.",
    ),
    # ------------------------------------------------------------------ problems in a form or rules file
    "forms.problem.syntax": ("TOML 语法错误：{error}", "TOML syntax error: {error}"),
    "forms.problem.syntax_fullwidth_quotes": (
        'TOML 语法错误：{error}。这一行用了中文引号“”，请改为英文引号 ""',
        'TOML syntax error: {error}. This line has Chinese quotes “”; use straight quotes ""',
    ),
    "forms.problem.syntax_fullwidth_equals": (
        "TOML 语法错误：{error}。这一行用了全角等号＝，请改为英文等号 =",
        "TOML syntax error: {error}. This line has a full-width ＝; use =",
    ),
    "forms.problem.syntax_unquoted": (
        'TOML 语法错误：{error}。文字须放在英文引号中，例如 label = "三会一课"',
        'TOML syntax error: {error}. Text must be in quotes, e.g. label = "三会一课"',
    ),
    "forms.problem.unknown_key": (
        "未知的键 “{key}”（可用：{known}）",
        'unknown key "{key}" (known: {known})',
    ),
    "forms.problem.unknown_key_typo": (
        "未知的键 “{key}”，是否应为 “{suggestion}”？",
        'unknown key "{key}"; did you mean "{suggestion}"?',
    ),
    "forms.problem.missing_key": ("缺少必填的键 “{key}”", 'missing key "{key}"'),
    "forms.problem.wrong_type": ("“{key}” 的值应为{expected}", '"{key}" must be a {expected}'),
    "forms.problem.bad_value": (
        "“{key}” 的值 “{value}” 无效，可选：{allowed}",
        '"{key}" cannot be "{value}"; allowed: {allowed}',
    ),
    "forms.problem.unknown_type": (
        "未知的题型 “{value}”（{key}），可选：{allowed}",
        'unknown item type "{value}" ({key}); allowed: {allowed}',
    ),
    "forms.problem.unknown_scale": (
        "未定义的等级量表 “{scale}”（已定义：{known}）",
        'unknown scale "{scale}" (defined: {known})',
    ),
    "forms.problem.min_over_max": ("最小值 {min} 大于最大值 {max}", "min {min} is greater than max {max}"),
    "forms.problem.step_positive": ("步长 {step} 必须大于 0", "step {step} must be greater than 0"),
    "forms.problem.step_range": (
        "步长 {step} 不能整除 {min}–{max} 的范围",
        "step {step} does not divide the range {min}–{max}",
    ),
    "forms.problem.duplicate_id": (
        "编号 “{id}” 重复（第 {first} 行已使用）",
        'id "{id}" used twice (first at line {first})',
    ),
    "forms.problem.weights_sum": ("权重之和为 {total}，应为 1", "the weights add up to {total}, not 1"),
    "forms.problem.share_range": (
        "“{key}” 的值 {value} 应在 0 到 1 之间",
        '"{key}" is {value}; it must lie between 0 and 1',
    ),
    "forms.problem.range_0_100": (
        "“{key}” 的值 {value} 应在 0 到 100 之间",
        '"{key}" is {value}; it must lie between 0 and 100',
    ),
    "forms.problem.part_unused": ("计分部分 “{part}” 没有任何栏目使用", 'no section counts in part "{part}"'),
    "forms.problem.unknown_part": ("未定义的计分部分 “{part}”", 'unknown part "{part}"'),
    "forms.problem.no_sections": ("表单没有任何栏目", "the form has no sections"),
    "forms.problem.no_items": ("栏目没有任何题目", "the section has no items"),
    "forms.problem.no_levels": ("等级量表没有任何等级", "the scale has no levels"),
    "forms.problem.key_not_for_type": (
        "“{key}” 不适用于题型 {type}",
        '"{key}" does not apply to a {type} item',
    ),
    "forms.problem.bad_id": (
        "编号 “{id}” 须以英文字母开头，只含英文字母、数字、下划线或连字符（中文名称请写在 label 中）",
        'id "{id}" must start with a letter and hold only letters, digits, _ or - (put Chinese names in label)',
    ),
    "forms.problem.bad_key": ("快捷键 “{key}” 须为单个字符", 'key "{key}" must be a single character'),
    "forms.problem.negative": ("“{key}” 不能为负数", '"{key}" cannot be negative'),
    "forms.problem.positive": ("“{key}” 必须大于 0", '"{key}" must be greater than 0'),
    "forms.problem.no_choices": (
        "选择题缺少选项（choices 或 choices_from）",
        "a choice item needs choices (or choices_from)",
    ),
    "forms.problem.choices_twice": (
        "不能同时给出 choices 和 choices_from",
        "give either choices or choices_from, not both",
    ),
    "forms.problem.picks": (
        "最多选 {max} 项，少于最少选 {min} 项",
        "max_picks {max} is less than min_picks {min}",
    ),
    "forms.problem.picks_over_choices": (
        "最少选 {min} 项，但只有 {count} 个选项",
        "min_picks {min} but only {count} choices",
    ),
    "forms.problem.veto_no_cap": (
        "否决项须给出 veto_stars（星级上限）或 veto_grade（等次上限）",
        "a veto item needs veto_stars (star cap) or veto_grade (grade cap)",
    ),
    "forms.problem.stars_range": ("星级 {value} 应在 0 到 5 之间", "stars {value} must lie between 0 and 5"),
    "forms.problem.stars_order": ("星级档次的分数线应随星级升高", "the score bands must rise with the stars"),
    "forms.problem.no_lowest_band": (
        "最低一档的分数线为 {lowest}，低于此分的单位将没有结果；请把最低一档设为 0",
        "the lowest band starts at {lowest}, so lower scores would get nothing; start the lowest band at 0",
    ),
    "forms.problem.show_if_unknown": (
        "show_if 引用了不存在的题目 “{item}”",
        'show_if names no item "{item}"',
    ),
    "forms.problem.show_if_self": ("show_if 不能引用本题自身", "show_if cannot name the item itself"),
    "forms.problem.show_if_cycle": ("show_if 形成循环：{cycle}", "show_if goes round in a circle: {cycle}"),
    "forms.problem.show_if_no_test": (
        "show_if 须给出 equals、in、min、max 或 answered 之一",
        "show_if needs one of equals, in, min, max or answered",
    ),
    "forms.problem.show_if_bad_value": (
        "show_if 的值 “{value}” 不是题目 {item} 的选项（可选：{allowed}）",
        'show_if value "{value}" is not an option of {item} (allowed: {allowed})',
    ),
    "forms.problem.no_score_item": (
        '测评票（scope = "ballot"）须用 score_item 指定计分题',
        'a ballot form (scope = "ballot") needs a score_item',
    ),
    "forms.problem.score_item_unknown": (
        "score_item 指向不存在的题目 “{item}”",
        'score_item names no item "{item}"',
    ),
    "forms.problem.score_item_type": (
        "计分题 {item} 的题型是 {type}，应为 rating 或 score",
        "score item {item} is a {type} item; it must be rating or score",
    ),
    "forms.problem.rule_unknown_item": ("规则引用了不存在的题目 “{item}”", 'the rule names no item "{item}"'),
    "forms.problem.quota_unknown_level": (
        "限额中的等级 “{level}” 不是题目 {item} 的选项（可选：{allowed}）",
        'quota level "{level}" is not an option of {item} (allowed: {allowed})',
    ),
    "forms.problem.quota_no_limit": (
        "限额须给出 max_share 或 max_count",
        "a quota needs max_share or max_count",
    ),
    "forms.problem.empty_list": ("“{key}” 不能为空", '"{key}" cannot be empty'),
    "forms.problem.max_total": (
        "各题满分合计为 {computed}，与 max_total = {declared} 不符",
        "the items add up to {computed}, but max_total says {declared}",
    ),
    # ------------------------------------------------------------------ answers refused at entry
    "forms.answer.unknown_item": ("表单中没有题目 {item}", "the form has no item {item}"),
    "forms.answer.unknown_level": (
        "“{value}” 不是有效的等级（可选：{levels}）",
        '"{value}" is not a level (allowed: {levels})',
    ),
    "forms.answer.not_a_number": ("“{value}” 不是数字", '"{value}" is not a number'),
    "forms.answer.out_of_range": ("{value} 超出范围 {min}–{max}", "{value} is outside {min}–{max}"),
    "forms.answer.not_whole": ("次数 {value} 须为整数", "the count {value} must be a whole number"),
    "forms.answer.off_step": ("{value} 不符合步长 {step}", "{value} is not on a step of {step}"),
    "forms.answer.not_yes_no": ("请选择“是”或“否”", "answer yes or no"),
    "forms.answer.not_text": ("请输入文字", "enter text"),
    "forms.answer.too_long": ("已输入 {length} 字，最多 {max} 字", "{length} characters; at most {max}"),
    "forms.answer.not_a_choice": ("请从选项中选择", "pick from the choices"),
    "forms.answer.unknown_choice": ("“{value}” 不是本题的选项", '"{value}" is not a choice of this item'),
    "forms.answer.picked_twice": ("同一选项选了两次", "the same choice was picked twice"),
    "forms.answer.too_few": ("只选了 {count} 项，至少选 {min} 项", "{count} picked; pick at least {min}"),
    "forms.answer.too_many": ("选了 {count} 项，最多 {max} 项", "{count} picked; at most {max}"),
}
