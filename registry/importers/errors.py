"""The one error every importer raises for input it refuses, naming the file, the place and why."""


class ImportFailure(ValueError):
    """A file (or a record in it) that cannot be imported.

    `location` is a line number for CSV rows and XML syntax errors, an element path for XML
    content (`/article/front/article-meta/contrib-group/contrib[3]`) or a JSON path.
    """

    def __init__(self, reason: str, *, file: str = "", location: str | int = ""):
        self.reason = reason
        self.file = file
        self.location = str(location) if location not in (None, "") else ""
        super().__init__(str(self))

    def __str__(self) -> str:
        place = f"{self.file}:{self.location}" if self.location else self.file
        return f"{place}: {self.reason}" if place else self.reason

    def in_file(self, file: str) -> "ImportFailure":
        """The same failure, naming the file when the code that raised it did not know it."""
        if not self.file:
            self.file = file
            self.args = (str(self),)
        return self
