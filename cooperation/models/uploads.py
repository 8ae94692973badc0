"""Where an uploaded file is stored: its folder, the year for some, a random part, its name.

The random part keeps a draft's file out of reach: nginx (local disk) and the bucket (object
storage) serve any file whose address is known, and list none, so an address nobody was
given cannot be guessed. The file's own name stays last, for the visitor who downloads it.
"""

import posixpath
import secrets

from django.utils import timezone
from django.utils.deconstruct import deconstructible

# 128 random bits, as 22 URL-safe characters.
RANDOM_BYTES = 16


@deconstructible
class UploadPath:
    """``upload_to`` of a file field: ``<folder>/[<year>/]<random>/<name>``."""

    def __init__(self, folder: str, *, by_year: bool = True):
        self.folder = folder
        self.by_year = by_year

    def __call__(self, instance, filename: str) -> str:
        parts = [self.folder]
        if self.by_year:
            parts.append(f"{timezone.localdate():%Y}")
        parts += [secrets.token_urlsafe(RANDOM_BYTES), posixpath.basename(filename)]
        return posixpath.join(*parts)

    def __eq__(self, other):
        return isinstance(other, UploadPath) and (self.folder, self.by_year) == (
            other.folder,
            other.by_year,
        )
