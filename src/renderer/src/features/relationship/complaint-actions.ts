import type { Complaint } from '../../../../shared/domain/relationship';

export type ComplaintAction = 'start' | 'resolve' | 'close' | 'reopen' | 'reassign';

/** What can be done to a complaint in each status, in the order the buttons show. */
export function actionsFor(status: Complaint['status']): ComplaintAction[] {
  switch (status) {
    case 'open':
      return ['start', 'resolve', 'reassign'];
    case 'in_progress':
      return ['resolve', 'reassign'];
    case 'resolved':
      return ['close', 'reopen', 'reassign'];
    case 'closed':
      return ['reopen'];
  }
}

/** The key on a focused row for each action. */
export const ACTION_KEYS: Record<ComplaintAction, string> = { start: 'p', resolve: 'r', close: 'c', reopen: 'o', reassign: 'a' };
