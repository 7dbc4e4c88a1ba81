"""The resume bank: entries (projects, internships, communities, education), their
import from a resume file, deep-dive questions, the "tell me about yourself" outline,
and the coach's read of the questions a candidate asks the interviewer.

Plain logic: nothing here prints, prompts or exits.

- `model`: `Entry`, the kinds and limits.
- `files`: entries as YAML/JSON (strict reader, writers, the editor document).
- `extract`: read a resume (text, Markdown, PDF) and propose entries; drop the ones
  that are no resume items.
- `pdf`: a PDF's text, read by pypdf in a child process under netprep's own limits.
- `deepdive`: questions about an entry from the probe bank.
- `pitch`: the 60-90 s outline, and how a spoken pitch covers it.
- `asking`: findings on the candidate's questions for the interviewer.
"""
