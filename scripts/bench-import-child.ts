/**
 * One import in a process of its own, so its peak memory is the engine's alone (not the bench's
 * generated book or files): reads the file, hands it to the engine as the renderer does (base64
 * through the contract), analyses and commits, and prints what it measured as one JSON line.
 *
 *   tsx scripts/bench-import-child.ts <database> <file> [--preview]
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createEngine } from '../src/main/engine/engine';
import type { ChannelOutput } from '../src/shared/ipc/contract';
import { dispatch } from '../src/shared/ipc/dispatch';

const [dbPath, filePath] = process.argv.slice(2);
if (!dbPath || !filePath) throw new Error('usage: bench-import-child <database> <file> [--preview]');
const engine = await createEngine({ dbPath, mode: 'in-process', appVersion: 'bench' });
const startRss = process.memoryUsage().rss;
const t0 = performance.now();
const analysis = await dispatch(engine.call, 'import.analyze', {
  fileName: basename(filePath),
  contentBase64: readFileSync(filePath).toString('base64'),
});
if (!analysis.ok) throw new Error(`import.analyze: ${analysis.error.code} ${analysis.error.message}`);
const analysed = analysis.value as ChannelOutput<'import.analyze'>;
const plan = { fileId: analysed.fileId, kind: analysed.kind, mapping: analysed.mapping };
const analyzeMs = performance.now() - t0;
let previewMs = 0;
if (process.argv.includes('--preview')) {
  const t1 = performance.now();
  const preview = await dispatch(engine.call, 'import.preview', plan);
  if (!preview.ok) throw new Error(`import.preview: ${preview.error.code} ${preview.error.message}`);
  previewMs = performance.now() - t1;
}
const t2 = performance.now();
const report = await dispatch(engine.call, 'import.commit', plan);
if (!report.ok) throw new Error(`import.commit: ${report.error.code} ${report.error.message}`);
const commitMs = performance.now() - t2;
const written = report.value as ChannelOutput<'import.commit'>;
await engine.close();
console.log(
  JSON.stringify({
    analyzeMs,
    previewMs,
    commitMs,
    endToEndMs: analyzeMs + commitMs,
    inquiries: written.inquiries,
    reclassifyMs: written.classification?.durationMs ?? null,
    startRssMB: startRss / 1024 / 1024,
    // The process's peak resident set (the kernel's count, not a sample).
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
