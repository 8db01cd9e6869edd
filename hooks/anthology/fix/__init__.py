"""`anthology fix`: the mechanical part of a contributor's edit, done for them.

Missing ids get the next free number (never one used before, at the base revision
included), arXiv ids take their canonical form and keys their canonical order, through
a ruamel.yaml round trip that keeps comments, blank lines and quoting as they were.
"""
