"""Analysis stage: a valid blueprint in, figures a service manager asks for out.

`stats` measures one blueprint; `diff` compares two states of a service.
Both return pydantic models; text and JSON are two renderings of them.
"""
