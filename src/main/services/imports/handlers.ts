import type { HandlersOf } from '../../engine/handler-types';
import { analyzeImport, commitImport, failedRowsDownload, listImports, previewImport, undoImportBatch } from './imports';

/** The engine's handlers for the import.* channels: each calls the service beside it. */
export const importsHandlers = {
  'import.analyze': (rt, input, job) => analyzeImport(rt.ctx, input, job),
  'import.preview': (rt, input, job) => previewImport(rt.ctx, input, job),
  'import.commit': (rt, input, job) => commitImport(rt.ctx, input, job),
  'import.history': (rt, input) => listImports(rt.ctx, input.limit),
  'import.undo': (rt, input, job) => undoImportBatch(rt.ctx, input.batchId, job),
  'import.failedRows': (rt, input) => failedRowsDownload(rt.ctx, input.batchId),
} satisfies HandlersOf<'import'>;
