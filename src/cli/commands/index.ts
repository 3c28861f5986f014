/**
 * The CLI's commands, grouped by domain (one file each beside this one): `--help`, the option check
 * and the README's CLI section (a test keeps them in step) come from this table.
 */
import type { Command } from '../command';
import { customersCommands } from './customers';
import { classificationCommands } from './classification';
import { followupsCommands } from './followups';
import { managerCommands } from './manager';
import { surveysCommands } from './surveys';
import { importExportCommands } from './import-export';
import { safetyCommands } from './safety';
import { teamCommands } from './team';

export const COMMAND_GROUPS: readonly { title: string; commands: readonly Command[] }[] = [
  { title: 'Customers', commands: customersCommands },
  { title: 'Classification', commands: classificationCommands },
  { title: 'Follow-ups and complaints', commands: followupsCommands },
  { title: 'Surveys', commands: surveysCommands },
  { title: 'Import and export', commands: importExportCommands },
  { title: 'Data safety', commands: safetyCommands },
  { title: 'Team', commands: teamCommands },
  { title: "The manager's view", commands: managerCommands },
];

export const COMMANDS: readonly Command[] = COMMAND_GROUPS.flatMap((g) => g.commands);

/** Options every command takes. */
export const GLOBAL_OPTIONS = { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

function wrap(text: string, width: number, indent: string, rest = indent): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? indent : rest) + l);
}

/** One command's usage: its words, argument and options, then what it does. */
export function commandUsage(c: Command): string {
  return [...wrap(`${c.name}${c.usage ? ` ${c.usage}` : ''} [--json]`, 110, '  ', '      '), ...wrap(c.summary, 100, '      ')].join('\n');
}

export function usage(): string {
  return [
    `usage: npm run -s cli -- <command> [options] [--db <file>] [--json]`,
    '',
    'commands:',
    ...COMMAND_GROUPS.flatMap((g) => ['', `${g.title}:`, ...g.commands.map(commandUsage)]),
  ].join('\n');
}
