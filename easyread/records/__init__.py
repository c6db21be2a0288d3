"""Records kept beside a report: who checked which sections, and the fingerprints they saw.

This package sits just above the model, so lint, the build and `easyread review` can all read
review records without importing the review copies, the writers or Pillow.

- `reviews`: review records in the report's reviews/ folder (who checked what, and when).
- `fingerprint`: a section's or a point's fingerprint, ignoring line wrapping and comments.
"""
