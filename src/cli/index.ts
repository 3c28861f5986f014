/**
 * ExportDesk CLI: the same engine and services as the app, from a terminal.
 *   npm run -s cli -- <command> [--db <file>] [--json]
 * Without --db it opens the app's own database. Errors go to stderr; the exit code is non-zero.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../main/engine/engine';
import { APP_VERSION } from '../shared/app-version';
import { AppError } from '../shared/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../shared/ipc/contract';
import { dispatch } from '../shared/ipc/dispatch';
import { COMMANDS, commandUsage, GLOBAL_OPTIONS, usage } from './commands';
import { UsageError, type Command } from './command';
import { defaultDatabasePath } from './default-db-path';

type OptionSpec = { type: 'string' } | { type: 'boolean'; short?: string };

/** Every option any command takes, so one strict parse finds the words and the arguments. */
function allOptions(): Record<string, OptionSpec> {
  const options: Record<string, OptionSpec> = { ...GLOBAL_OPTIONS };
  for (const c of COMMANDS) {
    for (const name of c.strings) options[name] = { type: 'string' };
    for (const name of c.flags) {
      if (options[name]?.type === 'string') throw new Error(`--${name} is a string option of one command and a flag of another`);
      options[name] = { type: 'boolean' };
    }
  }
  return options;
}

/** The command the positionals start with (two words before one), and what follows it. */
function findCommand(positionals: readonly string[]): { command: Command | undefined; words: string; argument: string | undefined } {
  for (const n of [2, 1]) {
    const words = positionals.slice(0, n).join(' ');
    const command = COMMANDS.find((c) => c.name === words);
    if (command) return { command, words, argument: positionals[n] };
  }
  return { command: undefined, words: positionals.slice(0, 2).join(' '), argument: undefined };
}

export async function runCli(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: Record<string, OptionSpec>; allowPositionals: true; strict: true; tokens: true }>
  >;
  try {
    parsed = parseArgs({ args: argv, options: allOptions(), allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    err(`${e instanceof Error ? e.message : String(e)}\n${usage()}`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const { command, words, argument } = findCommand(parsed.positionals);
  if (!command) {
    if (values.help) {
      out(usage());
      return 0;
    }
    err(words ? `unknown command: ${words}\n${usage()}` : usage());
    return 2;
  }
  if (values.help) {
    out(commandUsage(command));
    return 0;
  }
  // Each command takes its own options (and --db, --json): any other is an error naming them.
  const own = new Set([...command.strings, ...command.flags, ...Object.keys(GLOBAL_OPTIONS)]);
  const foreign = [...new Set(parsed.tokens.flatMap((t) => (t.kind === 'option' && !own.has(t.name) ? [t.name] : [])))];
  if (foreign.length) {
    const takes = [...command.strings, ...command.flags].map((o) => `--${o}`);
    err(
      `${command.name} does not take ${foreign.map((o) => `--${o}`).join(', ')}; it takes ${takes.length ? `${takes.join(', ')}, ` : ''}--db and --json\n${commandUsage(command)}`,
    );
    return 2;
  }
  const dbPath = resolve(typeof values.db === 'string' ? values.db : defaultDatabasePath());
  let engine: Awaited<ReturnType<typeof createEngine>>;
  try {
    engine = await createEngine({ dbPath, mode: 'in-process', appVersion: APP_VERSION, recovery: command.recovery });
  } catch (e) {
    const code = e instanceof AppError ? e.code : 'DB_OPEN_FAILED';
    err(`error ${code}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const r = await dispatch(engine.call, channel, input);
    if (!r.ok) {
      const details = r.error.details ? ` ${JSON.stringify(r.error.details)}` : '';
      throw new AppError(r.error.code, `${r.error.message}${details}`);
    }
    return r.value as ChannelOutput<C>;
  };
  const opt: Record<string, string | undefined> = {};
  for (const name of command.strings) opt[name] = typeof values[name] === 'string' ? (values[name] as string) : undefined;
  const flag: Record<string, boolean> = {};
  for (const name of command.flags) flag[name] = values[name] === true;
  try {
    return await command.run({
      opt,
      flag,
      argument,
      call,
      print: (value, human) => (values.json ? out(JSON.stringify(value, null, 2)) : human()),
      out,
      engine,
    });
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\n${commandUsage(command)}`);
      return 2;
    }
    const code = e instanceof AppError ? e.code : 'INTERNAL';
    err(`error ${code}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await engine.close();
  }
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const code = await runCli(
    process.argv.slice(2),
    (s) => process.stdout.write(s + '\n'),
    (s) => process.stderr.write(s + '\n'),
  );
  process.exitCode = code;
}
