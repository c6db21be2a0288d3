"""Co-author review: review copies, feedback, and what changed since a check.

- `review_copy`: the large-print review PDF with form fields, and the numbered DOCX copy.
- `feedback`: reads filled review PDFs and commented DOCX files back to the report's points.
- `changes`: what changed since a group last checked.

The review records themselves (who checked what, and when) live lower down, in
`easyread.records`, so lint can read them; the Checked by page the build adds is part of the
edition (`easyread.edition.checked_by`).
"""
