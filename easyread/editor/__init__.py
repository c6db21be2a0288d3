"""Help while writing: the language server (`easyread lsp`) and the live preview (`easyread watch`).

Both keep one EditorSession per report folder: its settings and glossary are loaded once, and
each section is parsed again only when its text changes (kept by a hash of the text).
"""
