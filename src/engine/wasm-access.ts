/** The parts of the tree-sitter runtime's Emscripten module that every node access goes through. */
interface RuntimeMemory {
  setValue?: (address: number, value: number, type?: string) => void;
  getValue?: (address: number, type?: string) => number;
  HEAP32?: Int32Array;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const DIRECT = Symbol('direct int32 access');

/**
 * Makes the runtime's 32-bit reads and writes of its WebAssembly memory direct. Every node the runtime hands
 * out, and every question asked of one (`type`, `endIndex`, `childForFieldName`, ...), copies five 32-bit
 * fields through `setValue`/`getValue`, which dispatch on a type name and go through a `DataView` (written for
 * big-endian hosts too); about a tenth of the facts pass went there. On a little-endian host `HEAP32` holds the
 * same bytes in the same order, so the values read and written are the same. `HEAP32` is read on each call:
 * the runtime replaces it when its memory grows. Other types, and big-endian hosts, keep the runtime's own
 * functions; a module without these members (another runtime build) is left as it is.
 *
 * @param runtime The object given to `Parser.init`, which the runtime fills in as its module.
 */
export function directInt32Access(runtime: object): void {
  const memory = runtime as RuntimeMemory & { [DIRECT]?: true };
  const { setValue, getValue } = memory;
  if (!LITTLE_ENDIAN || memory[DIRECT] || typeof setValue !== 'function' || typeof getValue !== 'function' || !(memory.HEAP32 instanceof Int32Array)) return;
  memory[DIRECT] = true;
  memory.setValue = (address, value, type) => {
    if (type === 'i32') memory.HEAP32![address >> 2] = value;
    else setValue(address, value, type);
  };
  memory.getValue = (address, type) => (type === 'i32' ? memory.HEAP32![address >> 2] : getValue(address, type));
}
