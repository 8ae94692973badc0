"""The bucket that holds uploaded files when DJANGO_MEDIA_STORAGE=s3 (settings/base.py)."""

import mimetypes

from storages.backends.s3 import S3Storage


class MediaStorage(S3Storage):
    """S3Storage whose objects are served as nginx serves /media/ from the local disk.

    The type comes from the file's name, which the upload validators have checked against its
    content, never from the browser that sent it (S3Storage would store that one); documents
    other than PDF are downloaded rather than shown.
    """

    def get_object_parameters(self, name: str) -> dict:
        parameters = super().get_object_parameters(name)
        content_type, _encoding = mimetypes.guess_type(name)
        parameters["ContentType"] = content_type or "application/octet-stream"
        if name.startswith("documents/"):
            parameters["ContentDisposition"] = "inline" if name.endswith(".pdf") else "attachment"
        return parameters
