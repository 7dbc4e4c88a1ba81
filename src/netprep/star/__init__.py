"""STAR stories: the model, the bank report, story files and what the star commands do.

Plain logic over `coach` (analysis), `content` (competencies, templates) and `store`
(persistence); nothing here prints, prompts or imports `ui`.

- `model`: `Story` and the bank's targets (the record `store/stories.py` reads and writes).
- `cache`: saving stories with their analysis cached; refreshing stale caches.
- `bank`: the bank report (coverage by competency, weak questions, only answers).
- `files`: story YAML/JSON read and written, the editor document, the markdown cheat sheet.
- `actions`: the star commands' logic (tags, checks, import merge, export).
- `matching`: which story answers a question (pure); over `match_index` (the BM25 text
  model and its memos), `matchtext` (words, BM25), `polarity` and `concepts` (cue
  phrases), `projects` (project questions and stories) and `improve` (what a story close
  in topic lacks); `match_cache` keeps the index in the data dir and runs `star suggest`.
"""
