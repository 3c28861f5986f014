import { AppError } from '../../../shared/errors';
import { TEAM_ROLES, type TeamRole } from '../../../shared/domain/team';
import type { ReadDb, WriteTx } from '../../db/sql';
import { readPrefs } from '../prefs/prefs';
import { teamMembership } from '../team/team-sync';

/**
 * Who uses this computer, as the pool sees them: in a team, the team user (their name is the owner
 * the server writes, their role decides who may edit the rules and release others' customers);
 * otherwise Settings → Sales staff → You (prefs.me), who may do everything on their own book.
 */
export interface PoolMe {
  /** The person's name (customers.owner holds names); null: nobody chosen yet. */
  name: string | null;
  inTeam: boolean;
  /** The team role; null when not in a team. */
  role: TeamRole | null;
}

export function whoAmI(reader: ReadDb | WriteTx): PoolMe {
  const team = teamMembership(reader);
  if (team.joined) {
    const name = team.user?.name.trim() ?? '';
    const role = team.user && (TEAM_ROLES as readonly string[]).includes(team.user.role) ? team.user.role : null;
    return { name: name || null, inTeam: true, role };
  }
  return { name: readPrefs(reader).me, inTeam: false, role: null };
}

/** Whether this user may act for the firm (edit the rules, release anyone's customer): a single-user book's owner, or a manager or admin. */
export function actsForFirm(me: PoolMe): boolean {
  return !me.inTeam || me.role === 'manager' || me.role === 'admin';
}

/** The name of the user, or ME_REQUIRED (the renderer asks them to choose who they are). */
export function requireMe(me: PoolMe): string {
  if (me.name === null) {
    throw new AppError(
      'ME_REQUIRED',
      me.inTeam
        ? 'the team user of this book has no name; sign in to the team again'
        : 'choose who uses this computer first (Settings → Sales staff → You)',
    );
  }
  return me.name;
}

/** Two names of one person as the owner column compares them (COLLATE NOCASE: ASCII letters without case). */
export function sameName(a: string, b: string): boolean {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return fold(a) === fold(b);
}
