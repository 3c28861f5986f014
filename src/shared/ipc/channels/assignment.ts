import { z } from 'zod';
import { assignmentSettingsSchema } from '../../domain/assignment';
import { channel, none } from '../channel';

/** A continent or region the rules may name (UN M49), with its names. */
export const assignmentAreaSchema = z.object({
  code: z.string(),
  level: z.enum(['continent', 'region']),
  name: z.object({ en: z.string(), zh: z.string() }),
});
export type AssignmentArea = z.infer<typeof assignmentAreaSchema>;

const rulesView = z.object({
  settings: assignmentSettingsSchema,
  /** Whether this user may change them and whether they apply here: a book of its own, or a manager or admin in a team. */
  canEdit: z.boolean(),
  inTeam: z.boolean(),
  /** The continents and regions a region rule may name. */
  areas: z.array(assignmentAreaSchema),
});
export type AssignmentRulesView = z.infer<typeof rulesView>;

export const assignmentChannels = {
  /** The lead assignment rules (off until saved), whether this user may edit them, and the areas to choose from. */
  'assignment.rules': channel('read', none, rulesView),
  /**
   * Saves the rules (a salesperson in a team: MANAGER_REQUIRED; bad rules: INVALID_INPUT, nothing
   * saved). They apply to customers that arrive afterwards, nobody owning them.
   */
  'assignment.saveRules': channel('write', assignmentSettingsSchema, rulesView),
} as const;
