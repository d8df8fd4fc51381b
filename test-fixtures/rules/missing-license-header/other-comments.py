# A helpful comment that is not a license header.

print("hello")
