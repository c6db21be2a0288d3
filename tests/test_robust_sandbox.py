"""A build reads nothing outside the report folder and its own templates, and never goes online.

A local HTTP server counts every request; reports that point at it in every way an author can
write (picture, cover picture, links, autolinks, find-out-more website) must leave it at zero.
"""

from __future__ import annotations

import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from easyread.cli import main
from easyread.writers import render

BAD = Path(__file__).resolve().parent / "data" / "bad"


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        type(self).requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write((BAD / "picture-16-bit" / "pictures" / "grey-16.png").read_bytes())

    do_HEAD = do_GET

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[tuple[str, list[str]]]:
    requests: list[str] = []
    handler = type("Handler", (_CountingHandler,), {"requests": requests})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def _report(tmp_path: Path, toml: str, body: str) -> Path:
    report = tmp_path / "report"
    (report / "pictures").mkdir(parents=True)
    shutil.copy(BAD / "picture-16-bit" / "pictures" / "grey-16.png", report / "pictures" / "a.png")
    (report / "easyread.toml").write_text(toml, encoding="utf-8")
    (report / "01-intro.md").write_text(body, encoding="utf-8")
    return report


def test_the_server_really_counts(server: tuple[str, list[str]]) -> None:
    import urllib.request

    url, requests = server
    with urllib.request.urlopen(f"{url}/check", timeout=5) as response:
        response.read()
    assert requests == ["/check"]


def test_a_picture_on_a_local_server_is_refused_and_never_fetched(
    server: tuple[str, list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    url, requests = server
    _report(tmp_path, 'title = "T"\n', f"# Intro\n\n![A picture]({url}/picture.png)\nWe help.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "report", "--out", "out"]) == 2
    assert "report/01-intro.md:3:1: The picture" in capsys.readouterr().err
    assert requests == []


def test_a_cover_picture_on_a_local_server_is_refused_and_never_fetched(
    server: tuple[str, list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    url, requests = server
    toml = f'title = "T"\ncover-picture = "{url}/cover.png"\n'
    _report(tmp_path, toml, "# Intro\n\n![A picture](pictures/a.png)\nWe help.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["build", "report", "--out", "out"]) == 2
    assert "report/easyread.toml:2:" in capsys.readouterr().err
    assert requests == []


def test_links_are_written_as_links_and_never_fetched(
    server: tuple[str, list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
) -> None:
    url, requests = server
    toml = f'title = "T"\n\n[find-out-more]\nwebsite = "{url}/website"\n'
    body = (
        "# Intro\n\n![A picture](pictures/a.png)\n"
        f"Read [our page]({url}/link) or <{url}/autolink>.\n\n"
        f"![A picture](pictures/a.png)\nA [picture link]({url}/linked.png) too.\n"
    )
    _report(tmp_path, toml, body)
    monkeypatch.chdir(tmp_path)
    code = main(["build", "report", "--out", "out", "--format", "pdf,docx,html"])
    assert code == 0, capsys.readouterr().err
    assert requests == []
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert f'href="{url}/link"' in html
    assert f"{url}/website" in html


def _fetcher(allowed: Path) -> object:
    return render.SandboxFetcher([allowed], [])


def test_the_pdf_fetcher_reads_inside_its_folder(tmp_path: Path) -> None:
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (allowed / "style.css").write_text("p {}", encoding="utf-8")
    response = _fetcher(allowed).fetch((allowed / "style.css").as_uri())
    assert b"p {}" in (response.read() if hasattr(response, "read") else response.body)


@pytest.mark.parametrize(
    "address",
    [
        "file:///etc/hostname",
        "file://example.org/etc/hostname",
        "{allowed}/../secret.txt",
        "{allowed}/link.txt",
        "easyread:template/../../../../etc/hostname",
        "{server}/picture.png",
        "https://example.org/picture.png",
        "ftp://example.org/picture.png",
    ],
)
def test_the_pdf_fetcher_refuses_everything_else(
    address: str, tmp_path: Path, server: tuple[str, list[str]]
) -> None:
    url, requests = server
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (allowed / "link.txt").symlink_to(tmp_path / "secret.txt")
    if address.startswith("{allowed}"):
        address = "file://" + address.format(allowed=allowed)
    address = address.format(server=url)
    with pytest.raises(render.RefusedURL):
        _fetcher(allowed).fetch(address)
    assert requests == []
