/** Types of binary-arch.mjs (the CPU archs an executable or native module is built for). */
export type ExecutableFormat = 'elf' | 'mach-o' | 'pe';
export interface ExecutableArchs {
  format: ExecutableFormat;
  /** Node's arch names (process.arch); one per slice of a universal Mach-O, else exactly one. */
  archs: string[];
}
export function nodeArchName(builderArch: string): string;
export const HEADER_BYTES: number;
export function executableArchs(bytes: Uint8Array): ExecutableArchs;
export function readHeader(file: string): Uint8Array;
export function fileArchs(file: string): ExecutableArchs;
export function minimalHeader(format: ExecutableFormat, archs: string[]): Uint8Array;
