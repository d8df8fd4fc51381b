"""No header at all."""

import os
