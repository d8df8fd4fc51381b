class mixin_logging:
    pass


class legacy1:
    pass


class legacy10:
    pass


class a_base:
    pass


class d_base:
    pass
