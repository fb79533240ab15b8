"""Model stage: statements in, a typed Blueprint out.

The verb is `blueprint.model.build.build`; this package face stays free of
it, so that naming a model type (as results, layout and analysis do) never
loads the builder, the parser and lark.
"""
