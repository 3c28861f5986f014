import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import { savedViewStateSchema, type SavedView } from '../../shared/domain/classification';
import { AppError } from '../../shared/errors';
import { isoNow, type ServiceContext } from './context';

interface ViewRecord {
  id: number;
  kind: 'grid' | 'board';
  name: string;
  state: string;
  created_at: string;
  updated_at: string;
}

function toView(r: ViewRecord): SavedView {
  // A view saved by an older version gains defaults for filter fields added since.
  const state = savedViewStateSchema.safeParse(JSON.parse(r.state));
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    state: state.success ? state.data : savedViewStateSchema.parse({}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function listViews(ctx: ServiceContext, kind: 'grid' | 'board' | undefined): ChannelOutput<'views.list'> {
  const rows = (
    kind
      ? ctx.readSqlite.prepare(`SELECT * FROM saved_views WHERE kind = ? ORDER BY name`).all(kind)
      : ctx.readSqlite.prepare(`SELECT * FROM saved_views ORDER BY kind, name`).all()
  ) as ViewRecord[];
  return rows.map(toView);
}

/** Creates a view, or replaces the one with `id`. Names are unique per kind (case-insensitive). */
export function saveView(ctx: ServiceContext, input: ChannelParsedInput<'views.save'>): ChannelOutput<'views.save'> {
  const now = isoNow(ctx);
  const sqlite = ctx.sqlite;
  const clash = sqlite.prepare(`SELECT id FROM saved_views WHERE kind = ? AND name = ? AND id IS NOT ?`).get(input.kind, input.name, input.id ?? null);
  if (clash) throw new AppError('VIEW_NAME_TAKEN', `a ${input.kind} view named "${input.name}" already exists`, { name: input.name });
  const state = JSON.stringify(input.state);
  let id = input.id;
  if (id !== undefined) {
    const r = sqlite.prepare(`UPDATE saved_views SET kind = ?, name = ?, state = ?, updated_at = ? WHERE id = ?`).run(input.kind, input.name, state, now, id);
    if (r.changes === 0) throw new AppError('NOT_FOUND', `view ${id} does not exist`, { id });
  } else {
    id = Number(
      sqlite.prepare(`INSERT INTO saved_views (kind, name, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`).run(input.kind, input.name, state, now, now)
        .lastInsertRowid,
    );
  }
  return toView(sqlite.prepare(`SELECT * FROM saved_views WHERE id = ?`).get(id) as ViewRecord);
}

export function deleteView(ctx: ServiceContext, id: number): ChannelOutput<'views.delete'> {
  return { removed: ctx.sqlite.prepare(`DELETE FROM saved_views WHERE id = ?`).run(id).changes > 0 };
}
