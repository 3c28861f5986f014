/**
 * What a CLI command is: its words, its usage, what it does, its own options and how it runs
 * (commands/<domain>.ts declare them; commands/index.ts is the table).
 */
import type { Engine } from '../main/engine/engine';
import type { Channel, ChannelInput, ChannelOutput } from '../shared/ipc/contract';

export class UsageError extends Error {}

/** What a command runs with: its own options (typed by the names it declares), its argument and the engine. */
export interface CliContext<S extends string, B extends string> {
  /** The command's string options as given (undefined when not given). */
  opt: Readonly<Record<S, string | undefined>>;
  /** The command's boolean options (false when not given). */
  flag: Readonly<Record<B, boolean>>;
  /** What follows the command's words (a file, a batch id). */
  argument: string | undefined;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** JSON with --json, else the human form. */
  print(value: unknown, human: () => void): void;
  out(s: string): void;
  engine: Engine;
}

export interface Command {
  /** One or two words: `stats`, `customers add`. */
  name: string;
  /** Its argument and options, as in the usage text. */
  usage: string;
  summary: string;
  strings: readonly string[];
  flags: readonly string[];
  /** Also runs on a damaged or too-new database (it reports it, lists backups or replaces it). */
  recovery: boolean;
  run(ctx: CliContext<string, string>): Promise<number>;
}

export function command<S extends string = never, B extends string = never>(c: {
  name: string;
  usage?: string;
  summary: string;
  strings?: readonly S[];
  flags?: readonly B[];
  recovery?: boolean;
  run(ctx: CliContext<S, B>): Promise<number>;
}): Command {
  return {
    name: c.name,
    usage: c.usage ?? '',
    summary: c.summary,
    strings: c.strings ?? [],
    flags: c.flags ?? [],
    recovery: c.recovery ?? false,
    run: c.run as Command['run'],
  };
}

export function int(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be a whole number`);
  return n;
}

export const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
