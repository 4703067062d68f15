/**
 * Reads a NumPy .npy file (format versions 1.0–3.0) holding a 2-D float32 or float64 array, from its bytes.
 * The UI importer reads the file and passes the bytes; nothing here touches the file system.
 *
 * Layout: magic "\x93NUMPY", major, minor, header length (uint16 for v1, uint32 for v2/3), a Python dict
 * literal {'descr': '<f8', 'fortran_order': False, 'shape': (r, c), } padded to 64 bytes, then the data.
 * Accepted dtypes: '<f4', '<f8', '>f4', '>f8' ('=' and '|' as little-endian). A 1-D array is refused: a data
 * matrix needs samples × features. Every value must be finite.
 */
export interface ParsedMatrix {
  rows: number;
  cols: number;
  /** Row-major rows × cols. */
  data: Float64Array;
}

export class MatrixParseError extends Error {
  override name = 'MatrixParseError';
}

export function parseNpy(bytes: Uint8Array): ParsedMatrix {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
  if (bytes.length < 10 || !magic.every((b, i) => bytes[i] === b)) throw new MatrixParseError('not a .npy file: the magic string \\x93NUMPY is missing');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLen: number;
  let offset: number;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    offset = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new MatrixParseError('truncated .npy header');
    headerLen = view.getUint32(8, true);
    offset = 12;
  } else {
    throw new MatrixParseError(`unsupported .npy format version ${major}.${bytes[7]}`);
  }
  if (offset + headerLen > bytes.length) throw new MatrixParseError('truncated .npy header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(offset, offset + headerLen));
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) throw new MatrixParseError(`malformed .npy header: ${header.trim()}`);
  const shape = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (shape.some((s) => !Number.isInteger(s) || s < 0)) throw new MatrixParseError(`malformed .npy shape (${shapeText})`);
  if (shape.length !== 2) {
    throw new MatrixParseError(`not a matrix: the array has ${shape.length} dimension(s) (shape (${shape.join(', ')})); a data matrix needs 2 (samples × features)`);
  }
  const [rows, cols] = shape;
  if (rows === 0 || cols === 0) throw new MatrixParseError(`the matrix is empty (shape (${rows}, ${cols}))`);
  const m = /^([<>=|])([fiu])(\d+)$/.exec(descr);
  if (!m || m[2] !== 'f' || (m[3] !== '4' && m[3] !== '8')) {
    throw new MatrixParseError(`unsupported dtype '${descr}': export the matrix as float32 or float64 (e.g. x.astype(np.float64))`);
  }
  const little = m[1] !== '>';
  const size = Number(m[3]);
  const dataStart = offset + headerLen;
  const count = rows * cols;
  if (bytes.length - dataStart < count * size) {
    throw new MatrixParseError(`truncated .npy data: ${rows}×${cols} ${descr} needs ${count * size} bytes, the file has ${bytes.length - dataStart}`);
  }
  const data = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const pos = dataStart + k * size;
    const v = size === 8 ? view.getFloat64(pos, little) : view.getFloat32(pos, little);
    // Fortran order stores column-major: element k is (k mod rows, k div rows).
    const target = fortran === 'True' ? (k % rows) * cols + Math.floor(k / rows) : k;
    if (!Number.isFinite(v)) {
      const r = Math.floor(target / cols);
      throw new MatrixParseError(`the matrix has ${Number.isNaN(v) ? 'NaN' : String(v)} at row ${r + 1}, column ${(target % cols) + 1}; every entry must be a finite number`);
    }
    data[target] = v;
  }
  return { rows, cols, data };
}
