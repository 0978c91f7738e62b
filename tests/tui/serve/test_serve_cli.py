"""`kaoping serve` itself: the address for the slips, counts only in its output, a clean sentence when the
port is taken, and the command in the CLI's map."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from bench.hall_clients import ROOT, Served
from store.demo import DemoResult
from tui.cli import cli
from tui.commands import COMMAND_MODULES


def test_serve_prints_the_slip_address_and_no_access_log(served: Served) -> None:
    for path in ("/", "/v/ABCD-EFGH", "/nowhere", "/static/hall.css"):
        try:
            urllib.request.urlopen(served.url + path, timeout=10).read()
        except urllib.error.HTTPError as error:
            assert error.code == 404
    output = served.output()
    assert f"测评码条上印的地址（kaoping codes issue --url）：{served.url}" in output
    assert "只在本机可用" in output  # the default 127.0.0.1 is said to be this machine only
    assert "GET" not in output and "ABCD-EFGH" not in output and "nowhere" not in output
    assert "参与情况：已封存 0/178" in output


def test_a_taken_port_is_one_sentence(demo_data: tuple[Path, DemoResult]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; sys.argv[0] = 'kaoping'; from tui.cli import main; main()",
                "--data",
                str(demo_data[0]),
                "serve",
                "--port",
                str(port),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2
    assert f"无法在 127.0.0.1:{port} 上启动网页测评" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_serve_is_in_the_command_map() -> None:
    assert COMMAND_MODULES["serve"] == "serve"
    result = CliRunner().invoke(cli, ["--lang", "zh", "serve", "--help"])
    assert result.exit_code == 0 and "--host" in result.output and "--port" in result.output
