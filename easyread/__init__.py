"""easyread: write Easy Read reports in Markdown; lint, score and build them."""

__version__ = "0.1.0"
