"""Exchange stage: the blueprint model as JSON, and back to a .bp file.

The JSON document (`"format": "blueprint-model"`, `"version": 1`) is the
interchange format: `export` writes it from a checked file, `schema`
describes it, `import` turns one (from this tool or from another) into a
.bp file whose model is the document's.
"""
