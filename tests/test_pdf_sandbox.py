"""WeasyPrint reads only the templates and the prepared pictures: no network, no other file."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from weasyprint import HTML

from easyread.edition import make_edition
from easyread.reader import read_report
from easyread.resources import templates_dir
from easyread.writers.html import PICTURE_URL, TEMPLATE_URL
from easyread.writers.render import RefusedURL, SandboxFetcher, sandbox_fetcher

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "data" / "mini-report"
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201e5273ea90000000049454e44ae426082"
)


class CountingHandler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the name http.server expects)
        CountingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(PNG_1PX)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture()
def local_server() -> Iterator[str]:
    CountingHandler.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), CountingHandler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def fetcher(tmp_path_factory: pytest.TempPathFactory) -> SandboxFetcher:
    edition = make_edition(read_report(MINI), tmp_path_factory.mktemp("cache"))
    return sandbox_fetcher(edition)


def test_server_works_when_asked_directly(local_server: str) -> None:
    from urllib.request import urlopen

    with urlopen(f"{local_server}/check.png", timeout=5) as response:
        assert response.read() == PNG_1PX
    assert CountingHandler.requests == ["/check.png"]


@pytest.mark.parametrize("scheme", ["http", "https", "ftp"])
def test_fetcher_refuses_network_urls(
    fetcher: SandboxFetcher, local_server: str, scheme: str
) -> None:
    url = local_server.replace("http", scheme, 1) + "/picture.png"
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)
    assert CountingHandler.requests == []


def test_rendering_a_page_that_points_at_a_server_sends_no_request(
    fetcher: SandboxFetcher, local_server: str
) -> None:
    page = (
        f'<html lang="en"><head><link rel="stylesheet" href="{local_server}/style.css">'
        f"<style>@import url('{local_server}/more.css');"
        f" body {{ background: url('{local_server}/bg.png') }}</style>"
        f'</head><body><img src="{local_server}/picture.png" alt="x"></body></html>'
    )
    HTML(string=page, url_fetcher=fetcher).write_pdf()
    assert CountingHandler.requests == []


def test_fetcher_refuses_files_outside_the_allowed_places(
    fetcher: SandboxFetcher, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("private", encoding="utf-8")
    for url in (
        secret.as_uri(),
        "file:///etc/passwd",
        (templates_dir() / ".." / "pyproject.toml").as_uri(),
        f"{TEMPLATE_URL}../pyproject.toml",
        f"{TEMPLATE_URL}fonts/../../pyproject.toml",
        f"{PICTURE_URL}secret.txt",
        "file://example.org/etc/passwd",
        "javascript:alert(1)",
    ):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)


def test_fetcher_serves_templates_pictures_and_data(fetcher: SandboxFetcher) -> None:
    font = templates_dir() / "fonts" / "AtkinsonHyperlegible-Regular.ttf"
    response = fetcher.fetch(f"{TEMPLATE_URL}fonts/{font.name}")
    assert response.read() == font.read_bytes()
    assert fetcher.fetch(font.as_uri()).read() == font.read_bytes()
    picture = next(iter(fetcher.files))
    assert fetcher.fetch(PICTURE_URL + picture.name).read() == picture.read_bytes()
    assert fetcher.fetch("data:text/plain;base64,aGk=").read() == b"hi"
