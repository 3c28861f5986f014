// Which CPU an executable or native module (.node) is built for, read from its header, in Node's
// arch names (process.arch). Used to build better-sqlite3 for the Electron binary actually
// installed (on Apple Silicon under an x64 Node, Electron's installer fetches arm64 Electron while
// process.arch says x64) and to check a build's arch before packing.
import { closeSync, openSync, readSync } from 'node:fs';

/** ELF e_machine values. */
const ELF_MACHINES = new Map([
  [3, 'ia32'],
  [21, 'ppc64'],
  [22, 's390x'],
  [40, 'arm'],
  [62, 'x64'],
  [183, 'arm64'],
  [243, 'riscv64'],
  [258, 'loong64'],
]);
/** Mach-O cputype values (CPU_ARCH_ABI64 = 0x01000000). */
const MACHO_CPUS = new Map([
  [7, 'ia32'],
  [0x01000007, 'x64'],
  [12, 'arm'],
  [0x0100000c, 'arm64'],
  [0x01000012, 'ppc64'],
]);
/** PE/COFF machine values. */
const PE_MACHINES = new Map([
  [0x014c, 'ia32'],
  [0x8664, 'x64'],
  [0x01c0, 'arm'],
  [0x01c4, 'arm'],
  [0xaa64, 'arm64'],
]);

/** Node's arch name for one of electron-builder's (they differ only for 32-bit ARM: armv7l / arm). */
export function nodeArchName(builderArch) {
  return builderArch === 'armv7l' ? 'arm' : builderArch;
}

/** How many bytes of a file `executableArchs` needs at most (a fat header with 200 slices fits). */
export const HEADER_BYTES = 4096;

function known(map, value, what) {
  const arch = map.get(value);
  if (arch === undefined) throw new Error(`unknown ${what} 0x${value.toString(16)}`);
  return arch;
}

/**
 * The archs of an ELF, Mach-O (thin or fat/universal) or PE file, given its first bytes (up to
 * HEADER_BYTES). A fat Mach-O gives one arch per slice; every other format gives exactly one.
 * Throws on anything else.
 * @param {Uint8Array} bytes
 * @returns {{ format: 'elf' | 'mach-o' | 'pe', archs: string[] }}
 */
export function executableArchs(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (n) => {
    if (bytes.byteLength < n) throw new Error(`header truncated: ${bytes.byteLength} bytes, ${n} needed`);
  };
  need(4);
  const be = view.getUint32(0, false);
  // ELF: \x7fELF; e_ident[EI_DATA] (byte 5) is 1 for little-endian, 2 for big; e_machine at 18.
  if (be === 0x7f454c46) {
    need(20);
    return { format: 'elf', archs: [known(ELF_MACHINES, view.getUint16(18, bytes[5] === 1), 'ELF machine')] };
  }
  // Thin Mach-O: MH_MAGIC / MH_MAGIC_64 in the file's byte order, cputype at 4.
  for (const littleEndian of [true, false]) {
    const magic = view.getUint32(0, littleEndian);
    if (magic === 0xfeedface || magic === 0xfeedfacf) {
      need(8);
      return { format: 'mach-o', archs: [known(MACHO_CPUS, view.getUint32(4, littleEndian), 'Mach-O cputype')] };
    }
  }
  // Fat (universal) Mach-O, always big-endian: FAT_MAGIC (20-byte fat_arch entries) or FAT_MAGIC_64
  // (32-byte entries), nfat_arch at 4, each entry starting with its cputype. Java class files share
  // 0xcafebabe, but their next word (the class version) is 45 or more.
  if (be === 0xcafebabe || be === 0xcafebabf) {
    need(8);
    const count = view.getUint32(4, false);
    if (count === 0 || count >= 45) throw new Error(`not a universal binary (${count} slices)`);
    const entry = be === 0xcafebabe ? 20 : 32;
    need(8 + count * entry);
    const archs = [];
    for (let i = 0; i < count; i++) archs.push(known(MACHO_CPUS, view.getUint32(8 + i * entry, false), 'Mach-O cputype'));
    return { format: 'mach-o', archs };
  }
  // PE: "MZ", e_lfanew at 0x3c points at "PE\0\0", followed by the COFF machine field.
  if (bytes[0] === 0x4d && bytes[1] === 0x5a) {
    need(0x40);
    const pe = view.getUint32(0x3c, true);
    need(pe + 6);
    if (view.getUint32(pe, false) !== 0x50450000) throw new Error('MZ file without a PE header');
    return { format: 'pe', archs: [known(PE_MACHINES, view.getUint16(pe + 4, true), 'PE machine')] };
  }
  throw new Error('not an ELF, Mach-O or PE file');
}

function codeOf(map, arch) {
  for (const [code, name] of map) if (name === arch) return code;
  throw new Error(`no code for ${arch}`);
}

/**
 * The smallest header executableArchs reads as `format` for `archs` (little-endian; a Mach-O with
 * several archs is a fat one): stand-ins for real builds in tests.
 * @param {'elf' | 'mach-o' | 'pe'} format
 * @param {string[]} archs
 */
export function minimalHeader(format, archs) {
  if (format === 'elf') {
    const bytes = new Uint8Array(64);
    bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    new DataView(bytes.buffer).setUint16(18, codeOf(ELF_MACHINES, archs[0]), true);
    return bytes;
  }
  if (format === 'pe') {
    const bytes = new Uint8Array(0x40 + 24);
    const view = new DataView(bytes.buffer);
    bytes.set([0x4d, 0x5a]);
    view.setUint32(0x3c, 0x40, true);
    view.setUint32(0x40, 0x50450000, false);
    view.setUint16(0x44, codeOf(PE_MACHINES, archs[0]), true);
    return bytes;
  }
  if (archs.length === 1) {
    const bytes = new Uint8Array(32);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, 0xfeedfacf, true);
    view.setUint32(4, codeOf(MACHO_CPUS, archs[0]), true);
    return bytes;
  }
  const bytes = new Uint8Array(8 + archs.length * 20);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, 0xcafebabe, false);
  view.setUint32(4, archs.length, false);
  archs.forEach((arch, i) => view.setUint32(8 + i * 20, codeOf(MACHO_CPUS, arch), false));
  return bytes;
}

/** The first HEADER_BYTES of a file (fewer if it is shorter). */
export function readHeader(file) {
  const fd = openSync(file, 'r');
  try {
    const bytes = new Uint8Array(HEADER_BYTES);
    return bytes.subarray(0, readSync(fd, bytes, 0, HEADER_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/** executableArchs of a file on disk. */
export function fileArchs(file) {
  return executableArchs(readHeader(file));
}
