/**
 * The child of the crash-safety test: opens the engine on a database and commits, forever,
 * a hand-entered customer and then an import batch of <rows> customers. It reports each
 * commit on stdout only after the engine answered (a pipe write is synchronous on Linux and
 * macOS), so a line seen by the parent is a commit the app told the user about. The parent kills
 * it with SIGKILL at a random moment.
 *   node --import tsx test/support/crash-child.ts <db> <tag> <rows per import>
 */
import { createEngine } from '../../src/main/engine/engine';
import { dispatch } from '../../src/shared/ipc/dispatch';

const [dbPath, tag, rowsArg] = process.argv.slice(2);
const BATCH_ROWS = Number(rowsArg);
if (!dbPath || !tag || !(BATCH_ROWS > 0)) throw new Error('usage: crash-child.ts <db> <tag> <rows per import>');
const say = (line: string) => process.stdout.write(`${line}\n`);

const engine = await createEngine({ dbPath, mode: 'in-process', appVersion: 'crash-test' });
say('ready');
for (let n = 1; ; n++) {
  const company = `Solo ${tag} ${n}`;
  const solo = await dispatch(engine.call, 'customers.create', { company, country: 'DE' });
  if (!solo.ok) throw new Error(`${solo.error.code}: ${solo.error.message}`);
  say(`solo ${company}`);

  const marker = `${tag}b${n}`;
  const rows = Array.from({ length: BATCH_ROWS }, (_, i) => `Batch ${marker} Row ${i} Trading,FR,${i % 2 ? 'Lighting' : 'Textiles'}`);
  const csv = `Company,Country,Industry\n${rows.join('\n')}\n`;
  const analysis = await dispatch(engine.call, 'import.analyze', {
    fileName: `${marker}.csv`,
    contentBase64: Buffer.from(csv).toString('base64'),
  });
  if (!analysis.ok) throw new Error(`${analysis.error.code}: ${analysis.error.message}`);
  const a = analysis.value as { fileId: string; kind: 'customers'; mapping: never[] };
  say(`begin ${marker}`);
  const commit = await dispatch(engine.call, 'import.commit', { fileId: a.fileId, kind: a.kind, mapping: a.mapping });
  if (!commit.ok) throw new Error(`${commit.error.code}: ${commit.error.message}`);
  say(`batch ${marker} ${(commit.value as { batchId: number }).batchId}`);
}
