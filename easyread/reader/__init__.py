"""Readers turn source files into the document model (easyread.model)."""

from easyread.reader.markdown import parse_section
from easyread.reader.report import read_files, read_report, read_stdin

__all__ = ["parse_section", "read_files", "read_report", "read_stdin"]
