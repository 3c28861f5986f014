import { AppError } from '../../../shared/errors';
import {
  ASSIGNMENT_SETTINGS_KEY,
  ASSIGNMENT_TURNS_KEY,
  assignmentSettingsOf,
  assignmentTurnsOf,
  FALLBACK_TURN,
  type AssignmentSettings,
  type AssignmentTurns,
} from '../../../shared/domain/assignment';
import type { AssignmentRulesView } from '../../../shared/ipc/channels/assignment';
import type { ReadDb, WriteTx } from '../../db/sql';
import { allAreas } from '../../geo/regions';
import { isoNow, type ServiceContext } from '../context';
import { actsForFirm, whoAmI } from '../pool/me';
import { readSetting, writeSetting } from '../settings';

/**
 * The lead assignment rules (#20) in the settings table: one JSON value (ASSIGNMENT_SETTINGS_KEY),
 * validated by the shared schema when read (a damaged value reads as "off") and when saved (the
 * channel refuses bad input with INVALID_INPUT before anything is written). The round-robin turns
 * are kept apart (ASSIGNMENT_TURNS_KEY), so saving the rules does not restart anyone's turn.
 */

export function readAssignmentSettings(reader: ReadDb | WriteTx): AssignmentSettings {
  return assignmentSettingsOf(readSetting<unknown>(reader, ASSIGNMENT_SETTINGS_KEY));
}

export function readAssignmentTurns(reader: ReadDb | WriteTx): AssignmentTurns {
  return assignmentTurnsOf(readSetting<unknown>(reader, ASSIGNMENT_TURNS_KEY));
}

let areasCache: AssignmentRulesView['areas'] | undefined;

function areas(): AssignmentRulesView['areas'] {
  areasCache ??= allAreas().map(({ level, area }) => ({ code: area.code, level, name: area.name }));
  return areasCache;
}

export function assignmentRulesView(reader: ReadDb | WriteTx): AssignmentRulesView {
  const me = whoAmI(reader);
  return { settings: readAssignmentSettings(reader), canEdit: actsForFirm(me), inTeam: me.inTeam, areas: areas() };
}

/** Saves the rules (already validated by the channel); a salesperson in a team: MANAGER_REQUIRED. */
export function saveAssignmentRules(ctx: ServiceContext, settings: AssignmentSettings): Promise<AssignmentRulesView> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    if (!actsForFirm(whoAmI(tx))) {
      throw new AppError('MANAGER_REQUIRED', 'only a manager or an administrator of the team may change the lead assignment rules');
    }
    writeSetting(tx, ASSIGNMENT_SETTINGS_KEY, settings, now);
    // Turns of rules that are gone are forgotten.
    const turns = readAssignmentTurns(tx);
    const kept = Object.fromEntries(
      Object.entries(turns).filter(([id]) => id === FALLBACK_TURN || settings.rules.some((r) => r.id === id)),
    );
    if (Object.keys(kept).length !== Object.keys(turns).length) writeSetting(tx, ASSIGNMENT_TURNS_KEY, kept, now);
    return assignmentRulesView(tx);
  });
}
