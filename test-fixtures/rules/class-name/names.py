"""Class names: CapWords, optionally after leading underscores."""


class Plain:
    pass


class HTTPServer:
    pass


class _Private:
    pass


class __Mangled:
    pass


class Éclair:
    pass


class V2Client:
    pass


class lower_case:
    pass


class camelCase:
    pass


class Snake_Case:
    pass


class _private_helper:
    pass


class _:
    pass


class éclair:
    pass


class Trailing_:
    pass


def factory():
    class inner:
        pass

    return inner


text = "class not_a_class: pass"
# class also_not_a_class: pass
