"""Co-author review: review copies, feedback, review records, Checked by, and changes.

- `review_copy`: the large-print review PDF with form fields, and the numbered DOCX copy.
- `feedback`: reads filled review PDFs and commented DOCX files back to the report's points.
- `records`: review records in the report's reviews/ folder (who checked what, and when).
- `checked_by`: the Checked by back page the build adds.
- `changes`: what changed since a group last checked.
"""

from easyread.review.checked_by import checked_by_section
from easyread.review.fingerprint import fingerprint_text, section_fingerprint
from easyread.review.records import ReviewRecord, load_records

__all__ = [
    "ReviewRecord",
    "checked_by_section",
    "fingerprint_text",
    "load_records",
    "section_fingerprint",
]
