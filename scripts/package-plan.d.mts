/** Types of package-plan.mjs (the files electron-builder puts into the app, listed offline). */
export interface PlannedFile {
  /** Path inside the app (app.asar or app.asar.unpacked), '/'-separated. */
  path: string;
  size: number;
  /** The file on disk it is copied from. */
  source: string;
}
export interface AppPlan {
  files: PlannedFile[];
  totalBytes: number;
}
export function productionClosure(projectDir: string, names: string[]): { name: string; dir: string }[];
export function planAppFiles(options: {
  projectDir: string;
  /** electron-builder.yml by default */
  config?: Record<string, unknown>;
  /** package.json's dependencies and optionalDependencies by default */
  dependencies?: string[];
  /** process.platform / process.arch by default */
  platform?: string;
  arch?: string;
}): Promise<AppPlan>;
