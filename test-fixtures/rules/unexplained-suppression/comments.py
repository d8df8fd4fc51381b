# ruff: noqa: E501
"""Suppressions with and without reasons (some lines copied from Genkit's trees)."""

from typing import Any


def _redact_large_values(obj: Any, limit: int = 10) -> Any:  # noqa: ANN401
    return obj


async def _handle_sigterm(tg_: object) -> None:  # type: ignore[name-defined]
    pass


PASS_ = 'PASS'  # noqa: S105
x = f()  # noqa: ANN401, BLE001
y = g()  # pyright: ignore[reportPrivateUsage]
z = h()  # pyrefly:ignore[bad-override]
w = k()  # ty: ignore[unresolved-attribute]
v = m()  # pyguide: ignore[in-function-import]
u = n()  # noqa: E501  # type: ignore[arg-type]
t = p()  # noqa: E501 -
s = q()  # noqa: E501  # pragma: no cover

# Reasons in every form the team writes them: none of these is a finding.
original_input: Any = None  # noqa: ANN401 - prior tool_request.input when replacing on restart
a = b()  # noqa: BLE001 — must never crash the caller
c = d()  # type: ignore[arg-type]  # the stub is wrong, see typeshed#123
e = f()  # ty: ignore[invalid-argument-type]  # ty doesn't infer Unpack[TD] as TD in function body (PEP 692 gap)
g = h()  # noqa: S603 -- trusted inputs from backends
# pyrefly: ignore[bad-return] - dict[str, Any] is compatible with Mapping at runtime
i = j()
# The generated stub lacks this attribute.
k = m()  # pyright: ignore[reportAttributeAccessIssue]
# Why: the SDK returns a plain dict here.
# pyrefly: ignore[bad-argument-type]
n = o()

# A directive above is no reason for the one below.
# noqa: E501
p = q()  # noqa: ANN401
# Bare suppressions are bare-noqa's and bare-type-ignore's, not this rule's.
r = s()  # noqa
t2 = u()  # type: ignore
t3 = u()  # type: ignore[]
text = '# noqa: E501'
doc = """
x = 1  # type: ignore[misc]
"""
