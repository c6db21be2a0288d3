"""`easyread watch`: build the preview again on every save, and serve it on this computer only.

The preview server listens on 127.0.0.1 (never on the network) and answers five things: the
page, its version (the page's script asks for it to know when to reload), the script, and the
pictures and fonts the page names, through the build's sandbox. Everything else is 404.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from easyread.editor.preview import (
    ASSET_PATH,
    SCRIPT,
    SCRIPT_PATH,
    VERSION_PATH,
    Preview,
    Update,
)
from easyread.editor.session import EditorSession
from easyread.errors import EasyReadError, for_terminal
from easyread.lint import formats

HOST = "127.0.0.1"
DEFAULT_PORT = 8765  # the same default as the command line
# Files whose change makes a new preview: sections, settings, glossaries, pictures.
WATCHED_SUFFIXES = {".md", ".markdown", ".toml", ".yml", ".yaml", ".png", ".jpg", ".jpeg", ".svg"}
_POLICY = (
    "default-src 'none'; img-src 'self' data:; font-src 'self' data:; style-src 'self' "
    "'unsafe-inline'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'"
)
_MEDIA = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".ttf": "font/ttf"}


def serve_preview(preview: Preview, port: int) -> ThreadingHTTPServer:
    """Start the preview server in a thread of its own; port 0 takes any free port."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            path = urlsplit(self.path).path
            if path in ("/", "/index.html"):
                self._send(preview.page().encode("utf-8"), "text/html; charset=utf-8")
            elif path == VERSION_PATH:
                state = {"version": preview.version, "error": preview.error}
                self._send(json.dumps(state).encode("utf-8"), "application/json")
            elif path == SCRIPT_PATH:
                self._send(SCRIPT.encode("utf-8"), "text/javascript; charset=utf-8")
            elif path.startswith(ASSET_PATH) and (data := preview.asset(path[len(ASSET_PATH) :])):
                self._send(data, _MEDIA.get(Path(path).suffix.lower(), "application/octet-stream"))
            else:
                self.send_error(HTTPStatus.NOT_FOUND)

        def _send(self, body: bytes, media_type: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Security-Policy", _POLICY)
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # the terminal shows the author's findings, not every request

    try:
        server = ThreadingHTTPServer((HOST, port), Handler)
    except OSError as error:
        raise EasyReadError(
            f"the preview cannot use port {port} ({error.strerror})",
            hint="choose another port with --port, for example --port 8800",
        ) from None
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@dataclass
class PdfRebuilder:
    """Writes the PDF again after a save, in a process of its own, one at a time: a save while
    it is writing makes one more run once it has finished. The preview never waits for it."""

    root: Path
    out_dir: Path | None
    say: Callable[[str], None]
    _process: subprocess.Popen[bytes] | None = None
    _again: bool = False
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def saved(self) -> None:
        with self._lock:
            if self._process is not None and self._process.poll() is None:
                self._again = True
                return
            self._start()

    def _start(self) -> None:
        command = [sys.executable, "-m", "easyread", "build", str(self.root), "--format", "pdf"]
        if self.out_dir is not None:
            command += ["--out", str(self.out_dir)]
        self._process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
        )
        threading.Thread(target=self._wait, args=(self._process,), daemon=True).start()

    def _wait(self, process: subprocess.Popen[bytes]) -> None:
        _, errors = process.communicate()
        if process.returncode == 0:
            self.say("The PDF is up to date.")
        else:
            said = errors.decode("utf-8", "replace").strip().splitlines()
            self.say(f"The PDF was not made: {said[-1] if said else 'the build failed'}")
        with self._lock:
            if self._again:
                self._again = False
                self._start()

    def stop(self) -> None:
        with self._lock:
            self._again = False
            process = self._process
        if process is not None and process.poll() is None:
            process.wait()  # a PDF half way through is finished, never cut off


def report_findings(update: Update, stream: TextIO) -> None:
    """The changed sections' readability and findings, as soon as they are known."""
    whole = len(update.changed) > 3
    for score in [] if whole else update.scores:
        measures = score.measures
        figures = []
        if measures.reading_ease is not None:
            figures.append(f"reading ease {measures.reading_ease:.0f}")
        if measures.grade is not None:
            figures.append(f"grade {measures.grade:.1f}")
        if figures:
            stream.write(f"{score.file_name}: {', '.join(figures)}\n")
    if update.findings:
        formats.write(update.findings, "text", stream, color=False, summary=False)
    names = "the report" if whole else ", ".join(path.name for path in update.changed)
    stream.write(
        f"Checked {names}: {_count(len(update.findings), 'finding')} "
        f"({_count(update.all_findings, 'finding')} in the report).\n"
    )
    stream.flush()


def report_preview(update: Update, stream: TextIO) -> None:
    """The new page, or the one-line error of a save that broke the report."""
    if update.error:
        stream.write(f"{for_terminal(update.error, one_line=True)}\n")
        stream.write("The preview still shows the last page that could be made.\n")
    else:
        stream.write(f"Preview made in {update.preview_seconds:.2f} s.\n")
    stream.flush()


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def relevant(changes: Iterable[tuple[object, str]], root: Path, out_dir: Path | None) -> list[Path]:
    """The changed files that can change the preview: not the outputs, not hidden files."""
    found: list[Path] = []
    skip = [(out_dir or root / "out").absolute()]
    for _, name in changes:
        path = Path(name).absolute()
        if path.suffix.lower() not in WATCHED_SUFFIXES or path.name.startswith((".", "~")):
            continue
        if any(path.is_relative_to(folder) for folder in skip):
            continue
        found.append(path)
    return found


def _stop_on_terminate(stop: threading.Event) -> None:
    """SIGTERM (a terminal closed, a test ending) stops the loop as Ctrl+C does, so the
    server closes and a PDF being written is finished, not cut off."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())


def watch(
    root: Path,
    *,
    port: int = DEFAULT_PORT,
    pdf: bool = False,
    out_dir: Path | None = None,
    stream: TextIO = sys.stdout,
    stop: threading.Event | None = None,
) -> int:
    """Build, serve, and build again after every save until stopped (Ctrl+C or `stop`)."""
    from watchfiles import watch as changes_of

    session = EditorSession(root)
    preview = Preview(session)
    say_lock = threading.Lock()

    def say(text: str) -> None:
        with say_lock:
            stream.write(text + "\n")
            stream.flush()

    def found(update: Update) -> None:
        with say_lock:
            report_findings(update, stream)

    report_preview(preview.update(on_findings=found), stream)
    server = serve_preview(preview, port)
    address = f"http://{HOST}:{server.server_address[1]}/"
    say(f"The preview is at {address} (on this computer only). Press Ctrl+C to stop.")
    rebuilder = PdfRebuilder(session.root, out_dir, say) if pdf else None
    if rebuilder is not None:
        rebuilder.saved()
    stop = stop or threading.Event()
    _stop_on_terminate(stop)
    try:
        for batch in changes_of(session.root, stop_event=stop, debounce=50, step=20):
            changed = relevant(batch, session.root, out_dir)
            if not changed:
                continue
            update = preview.update(changed, on_findings=found)
            with say_lock:
                report_preview(update, stream)
            if rebuilder is not None and update.error is None:
                rebuilder.saved()
    except KeyboardInterrupt:
        pass  # Ctrl+C is how the author stops watching
    finally:
        say("Stopped watching.")
        server.shutdown()
        server.server_close()
        if rebuilder is not None:
            rebuilder.stop()
    return 0
