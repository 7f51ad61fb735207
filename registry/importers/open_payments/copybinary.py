"""PostgreSQL's binary COPY format, built column-wise from an Arrow table: the server copies each
value as it is sent instead of finding it in CSV text (quotes doubled throughout the raw JSON) and
parsing numbers and dates (about a third of its COPY's CPU on a register file).

Each value is its length (4 bytes, -1 for NULL) and its bytes in the type's binary form: text as
UTF-8, jsonb as a version byte and the JSON text, integers and floats big-endian, a date as days
since 2000-01-01, a numeric as base-10,000 digits.
"""

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

HEADER = b"PGCOPY\n\xff\r\n\x00" + b"\x00\x00\x00\x00" + b"\x00\x00\x00\x00"  # signature, flags, no extension
TRAILER = b"\xff\xff"
JSONB_VERSION = b"\x01"
NULL = -1
DAYS_1970_TO_2000 = 10_957
NUMERIC_POSITIVE, NUMERIC_NEGATIVE = 0x0000, 0x4000
NBASE_DIGITS = 4  # a numeric's digit is base 10,000: four decimal digits


def copy_rows(table: pa.Table, *, jsonb: frozenset[str] = frozenset()) -> memoryview:
    """The table's rows in COPY's binary form, without the header and trailer; `jsonb` names the
    columns stored as jsonb."""
    rows = len(table)
    pieces: list[pa.Array | bytes] = [np.int16(table.num_columns).byteswap().tobytes()]
    for name, column in zip(table.column_names, table.columns, strict=True):
        pieces += _pieces(column.combine_chunks(), rows, jsonb=name in jsonb)
    joined = pc.binary_join_element_wise(*pieces, b"", null_handling="replace", null_replacement=b"")
    offsets, data = joined.buffers()[1:3]
    ends = np.frombuffer(offsets, dtype=np.int32, count=rows + 1)
    return memoryview(data)[ends[0] : ends[-1]]


def _pieces(column: pa.Array, rows: int, *, jsonb: bool) -> list[pa.Array | bytes]:
    """A column's values as pieces of each row: a length array, then the bytes (null where NULL)."""
    kind = column.type
    if pa.types.is_string(kind) or pa.types.is_binary(kind):
        values = column.view(pa.binary()) if pa.types.is_string(kind) else column
        lengths = pc.binary_length(values).fill_null(0).to_numpy()
        if jsonb:
            version = _fixed(np.ones(rows, dtype=np.uint8), 1, column) if column.null_count else JSONB_VERSION
            return [_lengths(lengths + 1, column), version, values]
        return [_lengths(lengths, column), values]
    if pa.types.is_null(kind):
        return [_lengths(np.zeros(rows), column)]
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        width = kind.bit_width // 8
        values = column.fill_null(0).to_numpy().astype(kind.to_pandas_dtype()).byteswap()
        return [_lengths(np.full(rows, width), column), _fixed(values.view(np.uint8), width, column)]
    if pa.types.is_date32(kind):
        days = (column.fill_null(0).cast(pa.int32()).to_numpy() - DAYS_1970_TO_2000).astype(">i4")
        return [_lengths(np.full(rows, 4), column), _fixed(days.view(np.uint8), 4, column)]
    if pa.types.is_decimal(kind):
        body = _numeric(column)
        return [_lengths(np.full(rows, body.shape[1]), column), _fixed(body.ravel(), body.shape[1], column)]
    raise TypeError(f"no binary COPY form for {kind}")


def _lengths(lengths: np.ndarray, column: pa.Array) -> pa.Array:
    """Each value's length as 4 big-endian bytes, -1 where the value is NULL."""
    lengths = lengths.astype(">i4")
    if column.null_count:
        lengths[column.is_null().to_numpy(zero_copy_only=False)] = NULL
    return _fixed(lengths.view(np.uint8), 4)


def _fixed(data: np.ndarray, width: int, column: pa.Array | None = None) -> pa.Array:
    """Values of `width` bytes each as a binary array, null where `column` is."""
    rows = len(data) // width
    offsets = pa.py_buffer((np.arange(rows + 1, dtype=np.int32) * width).tobytes())
    validity = column.is_valid().buffers()[1] if column is not None and column.null_count else None
    return pa.Array.from_buffers(pa.binary(), rows, [validity, offsets, pa.py_buffer(np.ascontiguousarray(data))])


def _numeric(column: pa.Array) -> np.ndarray:
    """A decimal128 column as numeric's binary form, one row of bytes a value: the digit count, the
    weight of the first digit, the sign, the display scale, then the digits, all int16 big-endian.
    Every value gets as many digits as the type's largest; the server drops the zeros."""
    kind = column.type
    if kind.scale > NBASE_DIGITS or kind.precision - kind.scale + NBASE_DIGITS > 18:
        raise TypeError(f"no binary COPY form for {kind}")
    words = np.frombuffer(column.buffers()[1], dtype=np.int64)[2 * column.offset : 2 * (column.offset + len(column))]
    unscaled = words[::2]  # the low 64 bits: these precisions fit them
    negative = unscaled < 0
    units = np.abs(unscaled) * 10 ** (NBASE_DIGITS - kind.scale)  # in 1/10,000
    whole_digits = -(-(kind.precision - kind.scale) // NBASE_DIGITS)
    digits = np.empty((len(units), whole_digits + 1), dtype=np.int64)
    digits[:, -1] = units % 10_000
    whole = units // 10_000
    for index in range(whole_digits - 1, -1, -1):
        digits[:, index] = whole % 10_000
        whole //= 10_000
    header = np.empty((len(units), 4), dtype=np.int64)
    header[:, 0] = whole_digits + 1
    header[:, 1] = whole_digits - 1
    header[:, 2] = np.where(negative, NUMERIC_NEGATIVE, NUMERIC_POSITIVE)
    header[:, 3] = kind.scale
    return np.hstack([header, digits]).astype(">i2").view(np.uint8).reshape(len(units), -1)
