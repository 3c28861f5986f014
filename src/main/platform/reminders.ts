/**
 * Desktop reminders while the app is open: each minute, follow-ups that have come due raise a
 * notification through a platform adapter (Electron's Notification in the app, a fake in tests).
 * Nothing leaves the machine. Follow-ups already overdue when the app starts are summed up in
 * one notification instead of one each.
 */
import type { FollowUp } from '../../shared/domain/followups';
import type { MainText } from '../text/catalog';

export interface Reminder {
  title: string;
  body: string;
  /** The customer to open when the notification is clicked. */
  customerId: number;
  company: string;
}

/** The words of a reminder, from main's catalog. */
export type ReminderTexts = MainText['reminders'];

export interface ReminderOptions {
  /** The open follow-ups due before the end of today (local), overdue ones included. */
  dueSoon: () => Promise<FollowUp[]>;
  notify: (reminder: Reminder) => void;
  now: () => number;
  texts: ReminderTexts;
  intervalMs?: number;
  /** At most this many single notifications per check; more become one summary. */
  burst?: number;
  /** The first check, soon after start (what is overdue when the user opens the app); default 5 s. */
  firstCheckMs?: number;
}

/** The timers the loop uses; `once`/`cancelOnce` (the first check) are optional so tests can leave it out. */
export interface ReminderTimers {
  set: typeof setInterval;
  clear: typeof clearInterval;
  once?: typeof setTimeout;
  cancelOnce?: typeof clearTimeout;
}

export interface ReminderLoop {
  /** One check (the timer calls it; tests call it directly). */
  check(): Promise<void>;
  stop(): void;
}

export function startReminders(
  options: ReminderOptions,
  timers: ReminderTimers = { set: setInterval, clear: clearInterval, once: setTimeout, cancelOnce: clearTimeout },
): ReminderLoop {
  const notified = new Set<number>();
  const burst = options.burst ?? 3;
  let first = true;
  let running = false;

  async function check(): Promise<void> {
    if (running) return;
    running = true;
    try {
      const now = options.now();
      const due = (await options.dueSoon()).filter((f) => f.status === 'open' && Date.parse(f.dueAt) <= now && !notified.has(f.id));
      for (const f of due) notified.add(f.id);
      if (!due.length) return;
      if (first || due.length > burst) {
        const top = due[0] as FollowUp;
        options.notify({
          title: options.texts.overdueTitle(due.length),
          body: options.texts.overdueBody,
          customerId: top.customerId,
          company: top.company,
        });
        return;
      }
      for (const f of due) {
        options.notify({
          title: options.texts.dueTitle,
          body: `${f.company}${f.note ? ` — ${f.note}` : ''}`,
          customerId: f.customerId,
          company: f.company,
        });
      }
    } catch (err) {
      console.error('reminder check failed:', err);
    } finally {
      first = false;
      running = false;
    }
  }

  const timer = timers.set(() => void check(), options.intervalMs ?? 60_000);
  const firstTimer = timers.once?.(() => void check(), options.firstCheckMs ?? 5_000);
  return {
    check,
    stop: () => {
      timers.clear(timer);
      if (firstTimer !== undefined) timers.cancelOnce?.(firstTimer);
    },
  };
}
