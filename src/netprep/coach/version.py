"""The STAR analyzer's version, kept apart from the analyzer itself.

Bump it whenever `netprep.coach.analysis` scores differently: stories cached by an older
version are re-analysed when next listed. `star list --json` checks it without
importing the analyzer (and its dataclasses), which is most of that command's time.
"""

ANALYZER_VERSION = 27
