import { createHash, randomUUID } from 'node:crypto';
import type { ParsedTable, Recognition } from './types';

/** A file read by `import.analyze`, kept in the engine so preview and commit need not send it again. */
export interface StagedFile {
  id: string;
  fileName: string;
  sha256: string;
  table: ParsedTable;
  recognition: Recognition;
  stagedAt: number;
}

/** A small LRU of staged files: a few at a time, each for half an hour at most. */
export class StagedFiles {
  private readonly files = new Map<string, StagedFile>();

  constructor(
    private readonly max = 3,
    private readonly ttlMs = 30 * 60 * 1000,
  ) {}

  put(fileName: string, bytes: Uint8Array, table: ParsedTable, recognition: Recognition): StagedFile {
    const file: StagedFile = {
      id: randomUUID(),
      fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      table,
      recognition,
      stagedAt: Date.now(),
    };
    this.files.set(file.id, file);
    while (this.files.size > this.max) {
      const oldest = this.files.keys().next().value;
      if (oldest === undefined) break;
      this.files.delete(oldest);
    }
    return file;
  }

  /** Forgets a file (after its import was written: the parsed rows are the largest thing the engine holds). */
  delete(id: string): void {
    this.files.delete(id);
  }

  get(id: string): StagedFile | undefined {
    const file = this.files.get(id);
    if (!file) return undefined;
    if (Date.now() - file.stagedAt > this.ttlMs) {
      this.files.delete(id);
      return undefined;
    }
    return file;
  }
}
