"""citycoop: scraped pages about international city cooperation -> curated Parquet tables."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("citycoop")
except PackageNotFoundError:  # running from a checkout without `pip install`
    __version__ = "0.0.0+checkout"
