import type { HandlersOf } from '../../engine/handler-types';
import { boardCards, boardColumns, moveCard } from './boards';
import { deleteView, listViews, saveView } from './views';

/** The engine's handlers for the boards.*, views.* channels: each calls the service beside it. */
export const boardsHandlers = {
  'boards.columns': (rt, input) => boardColumns(rt.ctx, input),
  'boards.cards': (rt, input) => boardCards(rt.ctx, input),
  'boards.move': (rt, input) => moveCard(rt.ctx, input),
  'views.list': (rt, input) => listViews(rt.ctx, input.kind),
  'views.save': (rt, input) => saveView(rt.ctx, input),
  'views.delete': (rt, input) => deleteView(rt.ctx, input.id),
} satisfies HandlersOf<'boards' | 'views'>;
