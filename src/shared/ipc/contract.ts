import { appChannels } from './channels/app';
import { assignmentChannels } from './channels/assignment';
import { backupsChannels } from './channels/backups';
import { boardsChannels } from './channels/boards';
import { cadenceChannels } from './channels/cadence';
import { captureChannels } from './channels/capture';
import { classifyChannels } from './channels/classify';
import { complaintsChannels } from './channels/complaints';
import { contactsChannels } from './channels/contacts';
import { currencyChannels } from './channels/currency';
import { customersChannels } from './channels/customers';
import { dashboardChannels } from './channels/dashboard';
import { dealsChannels } from './channels/deals';
import { dbChannels } from './channels/db';
import { duplicatesChannels } from './channels/duplicates';
import { exportChannels } from './channels/export';
import { followupsChannels } from './channels/followups';
import { importChannels } from './channels/import';
import { jobsChannels } from './channels/jobs';
import { needsChannels } from './channels/needs';
import { managerChannels } from './channels/manager';
import { poolChannels } from './channels/pool';
import { prefsChannels } from './channels/prefs';
import { productsChannels } from './channels/products';
import { quotationsChannels } from './channels/quotations';
import { recommendationsChannels } from './channels/recommendations';
import { safetyChannels } from './channels/safety';
import { sampleChannels } from './channels/sample';
import { searchChannels } from './channels/search';
import { statsChannels } from './channels/stats';
import { surveysChannels } from './channels/surveys';
import { teamChannels } from './channels/team';
import type { TeamStatus } from '../domain/team';
import { timelineChannels } from './channels/timeline';
import { viewsChannels } from './channels/views';
import { workspaceChannels } from './channels/workspace';
import type { z } from 'zod';
export type { ChannelKind } from './channel';

/**
 * The one IPC contract: every channel of every domain, each declared once in
 * channels/<prefix>.ts (the prefix names the file) with a runtime schema for its input and output;
 * main, preload, renderer, CLI and the browser bridge all derive from it.
 *
 * kind: 'read' runs on the engine's read connection; 'write' on the single write connection;
 * 'job' is a long write that reports progress and can be cancelled (jobs.cancel); 'read-job' is a
 * long read that does the same and changes nothing.
 */
export const contract = {
  ...appChannels,
  ...prefsChannels,
  ...customersChannels,
  ...searchChannels,
  ...duplicatesChannels,
  ...contactsChannels,
  ...statsChannels,
  ...dbChannels,
  ...sampleChannels,
  ...importChannels,
  ...exportChannels,
  ...classifyChannels,
  ...currencyChannels,
  ...boardsChannels,
  ...viewsChannels,
  ...dashboardChannels,
  ...followupsChannels,
  ...cadenceChannels,
  ...timelineChannels,
  ...needsChannels,
  ...complaintsChannels,
  ...surveysChannels,
  ...teamChannels,
  ...poolChannels,
  ...assignmentChannels,
  ...managerChannels,
  ...captureChannels,
  ...safetyChannels,
  ...backupsChannels,
  ...workspaceChannels,
  ...jobsChannels,
  ...dealsChannels,
  ...productsChannels,
  ...quotationsChannels,
  ...recommendationsChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** The one prefix under which channels are registered with Electron's ipcMain. */
export const IPC_PREFIX = 'exportdesk:';
export const IPC_EVENT_CHANNEL = 'exportdesk:event';

/** Events pushed from the engine to every window (job progress today; more later). */
export type EngineEvent =
  | { type: 'job.progress'; jobId: string; channel: Channel; done: number; total: number; phase: string }
  | { type: 'job.finished'; jobId: string; channel: Channel; ok: boolean }
  | { type: 'data.changed'; tables: string[] }
  /** The team sync's state changed (the indicator and Settings → Team follow it). */
  | { type: 'team.status'; status: TeamStatus }
  /** From the app shell (not the engine): show this page, e.g. after a reminder was clicked. */
  | { type: 'app.navigate'; hash: string }
  /** From the app shell: a menu item or a global shortcut asks the page to run a command. */
  | { type: 'app.command'; command: AppCommand };

/** Commands the app menu and global shortcuts send to the page. */
export const APP_COMMANDS = ['quickCapture', 'globalSearch', 'printCustomer'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** Options the caller may attach to any call; jobs use jobId to report progress and to be cancelled. */
export interface CallOptions {
  jobId?: string;
}
