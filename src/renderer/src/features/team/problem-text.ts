import type { TFunction } from 'i18next';
import type { TeamProblem } from '../../../../shared/domain/team';

/** Why the sync stopped, in the user's language (the engine's message is for logs). */
export const problemText = (t: TFunction, problem: TeamProblem): string => t(`team.problems.${problem.code}`);
