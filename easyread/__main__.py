from easyread.cli import entry

entry()
