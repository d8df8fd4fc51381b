"""Acme db."""

from acme_core import settings
from acme_web import routes
