"""Run progress: a live bar on a terminal, plain lines in logs (cron, CI, files)."""
from __future__ import annotations

import sys
import time
from typing import TextIO


def bar(done: int, total: int, width: int = 30) -> str:
    filled = width if total <= 0 else int(width * done / total)
    return "[" + "#" * filled + "." * (width - filled) + "]"


def eta(done: int, total: int, seconds: float) -> str:
    if done <= 0 or seconds <= 0:
        return "--:--"
    left = int((total - done) * seconds / done)
    return f"{left // 60:d}:{left % 60:02d}"


class Progress:
    """Pages done out of total and the rate, updated as each batch finishes.

    On a TTY one line is redrawn in place (carriage return); otherwise each update is
    its own line, so a log file or CI output stays readable."""

    def __init__(self, total: int, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.total, self.quiet = total, quiet
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.t0 = time.perf_counter()
        self.done = 0

    def message(self, text: str) -> None:
        if not self.quiet:
            print(text, file=self.stream, flush=True)

    def advance(self, pages: int, batch: int, batches: int) -> None:
        self.done += pages
        if self.quiet:
            return
        seconds = time.perf_counter() - self.t0
        rate = self.done / max(seconds, 1e-9)
        if self.tty:
            self.stream.write(f"\r  {bar(self.done, self.total)} {self.done}/{self.total} pages  {rate:.1f} pages/s"
                              f"  ETA {eta(self.done, self.total, seconds)}  ")
            if self.done >= self.total:
                self.stream.write("\n")
            self.stream.flush()
        else:
            print(f"  batch {batch}/{batches}: {self.done}/{self.total} pages, {rate:.1f} pages/s",
                  file=self.stream, flush=True)
