import type { Channel, ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { DatabaseSafety } from '../safety/database-safety';
import type { JobControl, ServiceContext } from '../services/context';
import type { TeamSync } from '../services/team/team-sync';
import type { Workspaces } from '../workspace/workspaces';

export interface EngineRuntime {
  ctx: ServiceContext;
  mode: 'worker' | 'in-process';
  appVersion: string;
  cancelJob(jobId: string): boolean;
  /** Backups, the start-up state and restoring. */
  readonly safety: DatabaseSafety;
  /** The user's database and the sample, and the data folder. */
  readonly workspaces: Workspaces;
  /** The team sync of the book being served (joining, the background sync, conflicts). */
  readonly team: TeamSync;
}

export type Handler<C extends Channel> = (
  rt: EngineRuntime,
  input: ChannelParsedInput<C>,
  job: JobControl,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** The channels whose name starts with one of the prefixes `P` ('surveys' → 'surveys.templates', …). */
export type ChannelsOf<P extends string> = Extract<Channel, `${P}.${string}`>;

/**
 * A domain's handlers: exactly one for each of its channels (a missing or an unknown one does not
 * compile). Written `{ … } satisfies HandlersOf<'needs' | 'complaints'>` beside the domain's services.
 */
export type HandlersOf<P extends string> = { [C in ChannelsOf<P>]: Handler<C> };
