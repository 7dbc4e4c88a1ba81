"""Progress: `netprep stats` and `netprep plan` computed from what was practised.

- `stats`: the stats screen's numbers (activity, stories, mock, culture, coding, trends).
- `plan`: today's steps and the outline of the days to the interview.
- `content_facts`: the few content facts both need, cached so `stats --json` loads no YAML.

Plain logic over `store` (and `star.cache` for current story scores); no printing.
"""
