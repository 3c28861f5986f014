import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';

export type Analysis = ChannelOutput<'import.analyze'>;
export type AnalyzedColumn = Analysis['columns'][number];
export type PreviewInput = ChannelInput<'import.preview'>;
export type Preview = ChannelOutput<'import.preview'>;
export type MergeCandidate = Preview['merges'][number];
export type ImportReport = ChannelOutput<'import.commit'>;
export type ImportBatch = ChannelOutput<'import.history'>[number];
export type OnRowError = 'skip' | 'abort';

/** The wizard's steps, in order. */
export const WIZARD_STEPS = ['file', 'mapping', 'preview', 'importing', 'report'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** The file the user picked, kept so another sheet of the same workbook can be read. */
export interface PickedFile {
  name: string;
  size: number;
  contentBase64: string;
}
