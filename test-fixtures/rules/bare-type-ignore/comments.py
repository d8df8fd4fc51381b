"""A docstring that mentions # type: ignore is a string, not a comment."""

a = 1  # type: ignore
b = 2  # type:ignore
c = 3  #TYPE: IGNORE
d = 4  # type: ignore[attr-defined]
e = 5  # type: ignore [attr-defined, union-attr]
f = 6  # type: ignore[]
g = 7  # type: ignored
h = 8  # pyright: ignore
i = 9  # pyright: ignore[reportAttributeAccessIssue]
j = 10  # pyrefly: ignore
k = 11  # pyrefly: ignore[missing-attribute]
l = 12  # type: ignore  # pyright: ignore
m = 13  # type: ignore[attr-defined]  # pyrefly: ignore  # why: stubs lag behind
n = 14  # note: type: ignore is mentioned here, not used
o = 15  # pyrefly: ignore-errors
s = "# type: ignore inside a string"
t = f"{a}  # pyright: ignore"
u = '''
# pyrefly: ignore in a multi-line string
'''
# type: ignore
v = 16  # 😀 é # type: ignore
w = 17  # type: ignore  # noqa: PGH003 - silenced by the Ruff twin
x = 18  # ty: ignore
y = 19  # ty: ignore[unresolved-attribute]
z = 20  # TY:ignore  # ty: ignore[missing-argument, invalid-argument-type]
aa = 21  # ty: ignore[]
ab = 22  # pretty: ignore
