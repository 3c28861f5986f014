/** Types of native-plan.mjs (which Electron builds of better-sqlite3 `npm run dist` needs). */
export interface NativeTarget {
  /** electron-builder's arch name: ${arch} in extraResources, the beforePack context's arch. */
  arch: string;
  /** Node's name for the same arch (prebuild-install --arch, node-gyp --arch). */
  nodeArch: string;
  /** Where the build goes: the file extraResources copies from. */
  file: string;
}
export function loadBuilderConfig(projectDir: string): Record<string, unknown>;
export function builderArchs(config: Record<string, unknown>, platform: string): string[];
export function nativeTargets(options: {
  projectDir: string;
  config: Record<string, unknown>;
  platform: string;
  electronVersion: string;
}): NativeTarget[];
export function nodeTooOldForElectron(
  nodeVersion: string,
  electronPackage: { version: string; engines?: { node?: string } },
): string | null;
