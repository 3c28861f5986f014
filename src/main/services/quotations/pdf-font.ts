import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Font } from 'fontkit';
import { AppError } from '../../../shared/errors';

/**
 * The CJK font embedded in quotation PDFs: Noto Sans SC Regular (SIL Open Font License), so
 * Chinese prints on a machine without a Chinese font. The PDF embeds only the glyphs it uses.
 *
 * The installed app has no node_modules: electron-builder copies the font to
 * resources/fonts/ (extraResources) and main passes that folder to the engine worker
 * (EngineWorkerData.fontsDir → usePdfFontsDir). Elsewhere (tests, the bridge, the CLI, the app run
 * from source) it is found in node_modules/@expo-google-fonts/noto-sans-sc above this file.
 */
export const PDF_FONT_FILE = 'NotoSansSC-Regular.ttf';
const PACKAGE_FONT = join('node_modules', '@expo-google-fonts', 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf');

let fontsDir: string | undefined;
let cached: { path: string; font: Font } | undefined;

/** The folder holding PDF_FONT_FILE (the packaged app's resources/fonts). */
export function usePdfFontsDir(dir: string): void {
  fontsDir = dir;
  cached = undefined;
}

/** Where the font is read from: the folder given, else node_modules found upwards from `from`. */
export function resolvePdfFontPath(from: string = dirname(fileURLToPath(import.meta.url))): string {
  if (fontsDir) {
    const path = join(fontsDir, PDF_FONT_FILE);
    if (!existsSync(path)) throw new AppError('PDF_FONT_MISSING', `the PDF font is missing from this installation: ${path}`);
    return path;
  }
  let dir = from;
  for (;;) {
    const candidate = join(dir, PACKAGE_FONT);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new AppError('PDF_FONT_MISSING', `the PDF font was not found (${PACKAGE_FONT} above ${from})`);
}

/**
 * The font, read and parsed once and kept for every later render (its glyph outlines and shaping
 * tables are parsed on first use, so a later document skips that work).
 */
export async function pdfFont(): Promise<Font> {
  const path = resolvePdfFontPath();
  if (cached?.path !== path) {
    const { create } = await import('fontkit');
    const font = create(readFileSync(path));
    if (!('layout' in font)) throw new Error(`${path} is a font collection, not one font`);
    cached = { path, font };
  }
  return cached.font;
}
