"""A text column's bytes as numpy sees them, for checks that read every byte of a block at memory
speed (names already in their normal form, values empty, characters JSON must escape, line breaks)."""

import numpy as np
import pyarrow as pa


def text_buffers(column: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Where each value ends (len + 1 offsets, the first where the first value starts) and the
    bytes they index, as numpy views without a copy."""
    offsets, data = column.buffers()[1:3]
    ends = np.frombuffer(offsets, dtype=np.int32, count=column.offset + len(column) + 1)[column.offset :]
    body = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8)
    return ends, body
