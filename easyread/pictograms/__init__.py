"""The picture library and what is made from it.

- `library`: the OpenMoji pictograms, searchable by meaning (`words`: lemmas, synonyms, phrases).
- `suggest`: 3 pictures for each point of a report; `apply`: put a chosen one in place.
- `records`: `pictures/pictures.toml`, where each picture comes from and its licence.
- `render`: the only SVGs easyread draws, the library's own; `library_pictures`: the ones the
  build draws by itself (Words to know).
"""
