import { randomUUID } from 'node:crypto';
import type { ColumnProfiles } from './plan-rows';
import type { Recognition, TableSource } from './types';

/**
 * A file read by `import.analyze`, kept in the engine so preview and commit need not send it
 * again: the file open for reading in chunks (a CSV file as its decoded text only, never its
 * parsed rows), how many data rows it has and what its columns hold.
 */
export interface StagedFile {
  id: string;
  fileName: string;
  sha256: string;
  source: TableSource;
  rowCount: number;
  profiles: ColumnProfiles;
  recognition: Recognition;
  stagedAt: number;
}

/**
 * Rows read, planned, matched and written at a time. Small: a chunk's cells and planned rows live
 * until it is written, and the fewer survive the young generation, the less the heap grows (the
 * 100k-row bench import peaked near 600 MB at 1,000 rows and 650–715 MB at 5,000, at the same speed).
 */
export const IMPORT_CHUNK_ROWS = 1_000;

/** A small LRU of staged files: a few at a time, each for half an hour at most. */
export class StagedFiles {
  private readonly files = new Map<string, StagedFile>();

  constructor(
    private readonly max = 3,
    private readonly ttlMs = 30 * 60 * 1000,
    /** Rows per chunk of an import (tests make it small to cross chunk boundaries often). */
    readonly chunkRows = IMPORT_CHUNK_ROWS,
  ) {}

  put(fileName: string, sha256: string, file: Pick<StagedFile, 'source' | 'rowCount' | 'profiles' | 'recognition'>): StagedFile {
    const staged: StagedFile = {
      id: randomUUID(),
      fileName,
      sha256,
      ...file,
      stagedAt: Date.now(),
    };
    this.files.set(staged.id, staged);
    while (this.files.size > this.max) {
      const oldest = this.files.keys().next().value;
      if (oldest === undefined) break;
      this.files.delete(oldest);
    }
    return staged;
  }

  /** Forgets a file (after its import was written). */
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
