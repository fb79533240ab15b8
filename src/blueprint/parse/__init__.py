"""Parse stage: bytes in (`decode`), source text to typed statements and
syntax diagnostics (`blueprint.parse.parser.parse`).

The package face stays empty so that naming the stage's declarations (its
diagnostic codes, its statement records) never loads lark and the grammar.
"""
