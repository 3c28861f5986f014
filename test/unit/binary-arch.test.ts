import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executableArchs, fileArchs, minimalHeader, nodeArchName, readHeader } from '../../scripts/binary-arch.mjs';

// Headers written out by hand (field offsets from the ELF, Mach-O and PE/COFF specifications), so
// the reader is not checked against its own writer.
function elf(machine: number, littleEndian = true, elfClass = 2): Uint8Array {
  const b = new Uint8Array(64);
  b.set([0x7f, 0x45, 0x4c, 0x46, elfClass, littleEndian ? 1 : 2, 1]); // e_ident: magic, class, data, version
  new DataView(b.buffer).setUint16(18, machine, littleEndian); // e_machine
  return b;
}
function machO(cputype: number, magic = 0xfeedfacf, littleEndian = true): Uint8Array {
  const b = new Uint8Array(32);
  const v = new DataView(b.buffer);
  v.setUint32(0, magic, littleEndian);
  v.setUint32(4, cputype, littleEndian);
  return b;
}
function fat(cputypes: number[], is64 = false): Uint8Array {
  const entry = is64 ? 32 : 20; // fat_arch / fat_arch_64
  const b = new Uint8Array(8 + cputypes.length * entry);
  const v = new DataView(b.buffer); // always big-endian
  v.setUint32(0, is64 ? 0xcafebabf : 0xcafebabe);
  v.setUint32(4, cputypes.length);
  cputypes.forEach((cpu, i) => {
    v.setUint32(8 + i * entry, cpu);
    v.setUint32(8 + i * entry + 4, 0); // cpusubtype; offset, size, align follow
  });
  return b;
}
function pe(machine: number, lfanew = 0x80): Uint8Array {
  const b = new Uint8Array(lfanew + 24);
  const v = new DataView(b.buffer);
  b.set([0x4d, 0x5a]); // "MZ"
  v.setUint32(0x3c, lfanew, true); // e_lfanew
  b.set([0x50, 0x45, 0, 0], lfanew); // "PE\0\0"
  v.setUint16(lfanew + 4, machine, true); // COFF Machine
  return b;
}

describe('executableArchs', () => {
  it.each([
    ['ELF x86-64', elf(62), 'elf', ['x64']],
    ['ELF AArch64', elf(183), 'elf', ['arm64']],
    ['ELF i386 (32-bit class)', elf(3, true, 1), 'elf', ['ia32']],
    ['ELF ARM (32-bit class)', elf(40, true, 1), 'elf', ['arm']],
    ['ELF s390x (big-endian)', elf(22, false), 'elf', ['s390x']],
    ['ELF RISC-V', elf(243), 'elf', ['riscv64']],
    ['Mach-O 64 x86_64', machO(0x01000007), 'mach-o', ['x64']],
    ['Mach-O 64 arm64', machO(0x0100000c), 'mach-o', ['arm64']],
    ['Mach-O 32 i386', machO(7, 0xfeedface), 'mach-o', ['ia32']],
    ['Mach-O 32 arm, big-endian byte order', machO(12, 0xfeedface, false), 'mach-o', ['arm']],
    ['universal x86_64 + arm64', fat([0x01000007, 0x0100000c]), 'mach-o', ['x64', 'arm64']],
    ['universal (fat_arch_64) arm64 + x86_64', fat([0x0100000c, 0x01000007], true), 'mach-o', ['arm64', 'x64']],
    ['PE AMD64', pe(0x8664), 'pe', ['x64']],
    ['PE ARM64', pe(0xaa64), 'pe', ['arm64']],
    ['PE i386', pe(0x014c, 0xe8), 'pe', ['ia32']],
    ['PE ARMNT', pe(0x01c4), 'pe', ['arm']],
  ])('%s', (_name, bytes, format, archs) => {
    expect(executableArchs(bytes)).toEqual({ format, archs });
  });

  it('refuses what it cannot read', () => {
    expect(() => executableArchs(new TextEncoder().encode('#!/bin/sh\necho hi\n'))).toThrow(/not an ELF, Mach-O or PE/);
    expect(() => executableArchs(new Uint8Array([0x7f, 0x45]))).toThrow(/truncated/);
    expect(() => executableArchs(elf(62).subarray(0, 10))).toThrow(/truncated/);
    expect(() => executableArchs(elf(0x1234))).toThrow(/unknown ELF machine 0x1234/);
    expect(() => executableArchs(pe(0x8664).subarray(0, 0x70))).toThrow(/truncated/);
    const noPe = pe(0x8664);
    noPe[0x80] = 0;
    expect(() => executableArchs(noPe)).toThrow(/without a PE header/);
    // A Java class file starts with 0xcafebabe too, then its version (major 52 here).
    expect(() => executableArchs(new Uint8Array([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 52]))).toThrow(/not a universal binary/);
  });

  it('reads this Node executable as process.arch', () => {
    const found = fileArchs(process.execPath);
    expect(found.archs).toEqual([process.arch]);
    expect(found.format).toBe({ linux: 'elf', darwin: 'mach-o', win32: 'pe' }[process.platform as string] ?? found.format);
  });

  it('writes minimal headers the reader reads back (fixtures for the packing tests)', () => {
    for (const [format, archs] of [
      ['elf', ['x64']],
      ['elf', ['arm64']],
      ['mach-o', ['arm64']],
      ['mach-o', ['x64', 'arm64']],
      ['pe', ['arm64']],
      ['pe', ['ia32']],
    ] as const) {
      expect(executableArchs(minimalHeader(format, [...archs]))).toEqual({ format, archs });
    }
  });

  it('reads only the start of a file, and short files whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'exportdesk-arch-'));
    try {
      const file = join(dir, 'small.node');
      writeFileSync(file, elf(183));
      expect(readHeader(file).byteLength).toBe(64);
      expect(fileArchs(file).archs).toEqual(['arm64']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("maps electron-builder's arch names to Node's", () => {
    expect(['x64', 'arm64', 'ia32', 'armv7l'].map(nodeArchName)).toEqual(['x64', 'arm64', 'ia32', 'arm']);
  });
});
