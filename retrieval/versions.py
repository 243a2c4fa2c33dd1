"""Versions of the text pipeline that name the vector index (``Settings.index_stamp``).

Kept apart from the code they describe, so reading them does not import the file loaders.
"""

CHUNKER_VERSION = "1"
CLEANER_VERSION = "2"  # 2: visible text judged by HTML5 parsing and CSS; Markdown rendered
