/** Types of check-native-binding.mjs (an electron-builder beforePack hook). */
export interface PackContextLike {
  arch: number | string;
  electronPlatformName: string;
  packager: { projectDir: string; info: { framework: { version: string } } };
}
export function nativeBindingPath(projectDir: string, electronVersion: string, platform: string, arch: string): string;
export function bindingMismatch(file: string, platform: string, arch: string): string | null;
export default function checkNativeBinding(context: PackContextLike): Promise<void>;
