"""A file read once while its SHA-256 is taken (for the import record)."""

import hashlib
import io


class HashingReader(io.RawIOBase):
    """Reads through to `stream`, hashing every byte read."""

    def __init__(self, stream):
        self.stream = stream
        self.sha256 = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        read = self.stream.readinto(buffer)
        self.sha256.update(memoryview(buffer)[:read])
        return read
