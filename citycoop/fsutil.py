"""Folders or fsspec URLs (``s3://bucket/curated``, ``file:///data/raw``, ``memory://x``).

Local folders keep POSIX guarantees (fsync, atomic rename, flock); object stores get
what they offer: a whole object appears at once when its upload completes. Credentials
and endpoints come from fsspec's own configuration, e.g. ``FSSPEC_S3_ENDPOINT_URL`` or
``FSSPEC_S3='{"endpoint_url": "http://127.0.0.1:9000", "key": "...", "secret": "..."}'``
(or the usual ``AWS_*`` variables for S3), so they reach Dask workers through the
environment and never appear in a table or a log.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

import fsspec
from fsspec.implementations.local import LocalFileSystem


def is_url(location: str) -> bool:
    return "://" in str(location)


@dataclass(frozen=True)
class Location:
    """A filesystem and a root path on it: what a folder or URL resolves to."""

    fs: fsspec.AbstractFileSystem
    root: str

    @property
    def local(self) -> bool:
        return isinstance(self.fs, LocalFileSystem)

    def join(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/"), *parts])

    def url(self, path: str) -> str:
        """A path on this filesystem as users write it (a plain path when local)."""
        return path if self.local else self.fs.unstrip_protocol(path)


def resolve(location: str | os.PathLike) -> Location:
    """The fsspec filesystem for a folder path or URL; local roots become absolute."""
    fs, root = fsspec.core.url_to_fs(str(location))
    if isinstance(fs, LocalFileSystem):
        root = os.path.abspath(root)
    return Location(fs, root.rstrip("/") or "/")


def exists_dir(location: str | os.PathLike) -> bool:
    loc = resolve(location)
    try:
        return loc.fs.isdir(loc.root)
    except Exception:  # unreachable endpoint, bad credentials: the caller reports it
        return False
