/**
 * The pipeline's settings (key "pipeline"): win probability per stage and the days without
 * activity after which an open deal is stale.
 */
import { pipelineSettingsSchema, type PipelineSettings } from '../../../shared/domain/deals';
import type { ReadDb, WriteTx } from '../../db/sql';
import type { ServiceContext } from '../context';
import { readSetting, writeSetting } from '../settings';

export function readPipelineSettings(reader: ReadDb | WriteTx): PipelineSettings {
  const parsed = pipelineSettingsSchema.safeParse(readSetting<unknown>(reader, 'pipeline') ?? {});
  return parsed.success ? parsed.data : pipelineSettingsSchema.parse({});
}

export async function savePipelineSettings(ctx: ServiceContext, settings: PipelineSettings): Promise<PipelineSettings> {
  const now = ctx.now().toISOString();
  await ctx.db.transaction((tx) => writeSetting(tx, 'pipeline', settings, now));
  return settings;
}

/** A deal last active before this instant (ISO) is stale. */
export function staleBefore(now: Date, settings: PipelineSettings): string {
  return new Date(now.getTime() - settings.staleDays * 86_400_000).toISOString();
}
