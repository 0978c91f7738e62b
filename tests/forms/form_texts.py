"""Small TOML forms the forms tests start from (imported by the test modules of this folder)."""

# A minimal valid unit form; tests append tables or replace lines to break it.
BASE = """\
id = "t"
version = "1"
scope = "unit"
title = "测试表"

[[sections]]
id = "s1"
title = "组织建设"

[[sections.items]]
id = "a"
type = "score"
label = "三会一课"
max = 10
"""
