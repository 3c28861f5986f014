import type { Selectable } from 'kysely';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import { savedViewStateSchema, type SavedView } from '../../../shared/domain/classification';
import { AppError } from '../../../shared/errors';
import type { SavedViewsTable } from '../../db/schema';
import { isoNow, type ServiceContext } from '../context';

function toView(r: Selectable<SavedViewsTable>): SavedView {
  // A view saved by an older version gains defaults for filter fields added since.
  const state = savedViewStateSchema.safeParse(JSON.parse(r.state));
  return {
    id: r.id,
    kind: r.kind as SavedView['kind'],
    name: r.name,
    state: state.success ? state.data : savedViewStateSchema.parse({}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listViews(ctx: ServiceContext, kind: 'grid' | 'board' | undefined): ChannelOutput<'views.list'> {
  let q = ctx.read.selectFrom('saved_views').selectAll();
  q = kind ? q.where('kind', '=', kind).orderBy('name') : q.orderBy('kind').orderBy('name');
  return ctx.read.all(q).map(toView);
}

/** Creates a view, or replaces the one with `id`. Names are unique per kind (case-insensitive). */
export function saveView(ctx: ServiceContext, input: ChannelParsedInput<'views.save'>): Promise<ChannelOutput<'views.save'>> {
  const now = isoNow(ctx);
  return ctx.db.transaction((tx) => {
    const clash = tx.first(
      tx
        .selectFrom('saved_views')
        .select('id')
        .where('kind', '=', input.kind)
        .where('name', '=', input.name)
        .where('id', 'is not', input.id ?? null),
    );
    if (clash) throw new AppError('VIEW_NAME_TAKEN', `a ${input.kind} view named "${input.name}" already exists`, { name: input.name });
    const state = JSON.stringify(input.state);
    let id = input.id;
    if (id !== undefined) {
      const r = tx.run(
        tx.updateTable('saved_views').set({ kind: input.kind, name: input.name, state, updated_at: now }).where('id', '=', id),
      );
      if (r.changes === 0) throw new AppError('NOT_FOUND', `view ${id} does not exist`, { id });
    } else {
      id = tx.run(
        tx.insertInto('saved_views').values({ kind: input.kind, name: input.name, state, created_at: now, updated_at: now }),
      ).lastInsertRowid;
    }
    return toView(tx.first(tx.selectFrom('saved_views').selectAll().where('id', '=', id))!);
  });
}

export function deleteView(ctx: ServiceContext, id: number): Promise<ChannelOutput<'views.delete'>> {
  return ctx.db.transaction((tx) => ({ removed: tx.run(tx.deleteFrom('saved_views').where('id', '=', id)).changes > 0 }));
}
