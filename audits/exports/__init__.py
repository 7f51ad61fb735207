"""Exports of findings, disclosures and interests as CSV, XLSX, JSON and Parquet.

A dataset (`datasets.py`: its columns, listed in `columns.py`, and a stream of rows) meets a format
(`formats.py`). The same calls serve the commands and the auditor pages.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from audits.exports.datasets import REGISTRY_DATASETS, Dataset, findings_dataset
from audits.exports.formats import csv_chunks, json_chunks, write_parquet, write_xlsx
from registry.files import replaced_when_complete

__all__ = [
    "FORMATS",
    "REGISTRY_DATASETS",
    "Dataset",
    "ExportFormat",
    "export_to_path",
    "findings_dataset",
    "stream_export",
    "write_export",
]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str
    content_type: str
    batch_size: int
    # Text formats stream chunk by chunk; binary ones (a zip, column chunks) are written to a file.
    chunks: Callable[[Dataset, Iterable[list[tuple]]], Iterator[bytes]] | None = None
    write: Callable[[Dataset, Iterable[list[tuple]], IO[bytes]], None] | None = None

    @property
    def streamed(self) -> bool:
        return self.chunks is not None


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = {
    "csv": ExportFormat("csv", "CSV", "text/csv; charset=utf-8", 10_000, chunks=csv_chunks),
    "xlsx": ExportFormat("xlsx", "XLSX", XLSX_TYPE, 5_000, write=write_xlsx),
    "json": ExportFormat("json", "JSON", "application/json", 2_000, chunks=json_chunks),
    # Batches become row groups: Parquet readers work best with large ones.
    "parquet": ExportFormat("parquet", "Parquet", "application/vnd.apache.parquet", 50_000, write=write_parquet),
}


class CountedBatches:
    """The dataset's batches of rows, counted as they go by, reporting each batch's size to `progress`."""

    def __init__(self, dataset: Dataset, size: int, progress: Callable[[int], object] | None = None):
        self.dataset, self.size, self.progress, self.count = dataset, size, progress, 0

    def __iter__(self) -> Iterator[list[tuple]]:
        for batch in self.dataset.batches(self.size):
            yield batch
            self.count += len(batch)
            if self.progress:
                self.progress(len(batch))


def write_export(dataset: Dataset, format_name: str, out: IO[bytes], progress=None) -> int:
    """Write the dataset to a binary file in the format; returns the number of rows."""
    export_format = FORMATS[format_name]
    batches = CountedBatches(dataset, export_format.batch_size, progress)
    if export_format.streamed:
        out.writelines(export_format.chunks(dataset, batches))
    else:
        export_format.write(dataset, batches, out)
    return batches.count


def stream_export(dataset: Dataset, format_name: str) -> Iterator[bytes]:
    """The dataset in a streamed format (CSV, JSON), chunk by chunk, for a response as it is read."""
    export_format = FORMATS[format_name]
    return export_format.chunks(dataset, dataset.batches(export_format.batch_size))


def export_to_path(
    dataset: Dataset, format_name: str, path: Path, progress: Callable[[int], object] | None = None
) -> int:
    """Write the dataset to `path`; returns the number of rows.

    Written beside it first and moved into place when complete, so a failed export leaves no half file.
    """
    with replaced_when_complete(path) as out:
        return write_export(dataset, format_name, out, progress)
