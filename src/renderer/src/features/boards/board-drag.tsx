import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { BoardCard } from '../../../../shared/domain/classification';

/** The card being dragged and the column it came from. */
export interface DragSource {
  card: BoardCard;
  from: string;
}

/** What is being dragged and where (changes during a drag; columns read it for their styling). */
interface BoardDragState {
  dragging: DragSource | null;
  /** The column under the pointer while dragging (undefined: none). */
  overKey: string | undefined;
}

/** The handlers (stable for a board, so cards do not re-render as the pointer moves). */
interface BoardDragActions {
  /** Whether the board's dimension accepts drops (from the engine's `manual`). */
  manual: boolean;
  startDrag: (source: DragSource, e: DragEvent<HTMLElement>) => void;
  endDrag: (e: DragEvent<HTMLElement>) => void;
  /** dragenter/dragover on a column: accepts the drop where the board is manual and the column is another one. */
  dragOverColumn: (key: string, e: DragEvent<HTMLElement>) => void;
  dropOnColumn: (key: string, e: DragEvent<HTMLElement>) => void;
}

const StateContext = createContext<BoardDragState>({ dragging: null, overKey: undefined });
const ActionsContext = createContext<BoardDragActions | null>(null);

export function useBoardDragState(): BoardDragState {
  return useContext(StateContext);
}

export function useBoardDragActions(): BoardDragActions {
  const ctx = useContext(ActionsContext);
  if (!ctx) throw new Error('useBoardDragActions must be used inside <BoardDragProvider>');
  return ctx;
}

const CARD_TYPE = 'application/x-exportdesk-card';

/** The column (data-column-key) an event target is in, or undefined outside every column. */
function columnKeyAt(target: EventTarget | null): string | undefined {
  const el = target instanceof Element ? target.closest<HTMLElement>('[data-column-key]') : null;
  return el?.dataset.columnKey;
}

interface Props {
  manual: boolean;
  onMove: (source: DragSource, to: string) => void;
  /** A card was let go over another column of a computed (derived) board. */
  onRefused: () => void;
  children: ReactNode;
}

/**
 * Native HTML5 drag and drop for board cards. On a manual board other columns accept the card;
 * on a derived board no column does (the browser shows the not-allowed cursor, the column under
 * the pointer says why), and letting go there explains it. The last column under the pointer
 * is tracked from document dragenter/dragover events (dragover keeps firing while the pointer rests).
 */
export function BoardDragProvider({ manual, onMove, onRefused, children }: Props) {
  const [dragging, setDragging] = useState<DragSource | null>(null);
  const [overKey, setOverKey] = useState<string | undefined>(undefined);
  const source = useRef<DragSource | null>(null);
  const lastOver = useRef<string | undefined>(undefined);
  const dropped = useRef(false);

  useEffect(() => {
    if (!dragging) return undefined;
    const onOver = (e: globalThis.DragEvent) => {
      const key = columnKeyAt(e.target);
      lastOver.current = key;
      setOverKey(key);
    };
    // No mouse events arrive during a drag: one means the drag ended without a dragend reaching
    // us (its card was re-rendered away), so let go of the drag state.
    const onMouse = () => {
      source.current = null;
      setDragging(null);
      setOverKey(undefined);
    };
    // dragenter too: Chromium fires only dragenter (no dragover) on the move that enters an element.
    document.addEventListener('dragenter', onOver);
    document.addEventListener('dragover', onOver);
    document.addEventListener('mousemove', onMouse);
    return () => {
      document.removeEventListener('dragenter', onOver);
      document.removeEventListener('dragover', onOver);
      document.removeEventListener('mousemove', onMouse);
    };
  }, [dragging]);

  const startDrag = useCallback((next: DragSource, e: DragEvent<HTMLElement>) => {
    source.current = next;
    lastOver.current = next.from;
    dropped.current = false;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData(CARD_TYPE, String(next.card.id));
    e.dataTransfer.setData('text/plain', next.card.company);
    setDragging(next);
    setOverKey(next.from);
  }, []);

  const endDrag = useCallback(
    (e: DragEvent<HTMLElement>) => {
      const from = source.current;
      const over = lastOver.current;
      source.current = null;
      lastOver.current = undefined;
      setDragging(null);
      setOverKey(undefined);
      if (!from || dropped.current || manual) return;
      if (over !== undefined && over !== from.from && e.dataTransfer.dropEffect === 'none') onRefused();
    },
    [manual, onRefused],
  );

  const dragOverColumn = useCallback(
    (key: string, e: DragEvent<HTMLElement>) => {
      const from = source.current;
      if (!from) return; // not one of our cards (a file, text from elsewhere)
      if (manual && key !== from.from) {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      } else {
        e.dataTransfer.dropEffect = 'none';
      }
    },
    [manual],
  );

  const dropOnColumn = useCallback(
    (key: string, e: DragEvent<HTMLElement>) => {
      const from = source.current;
      if (!from) return;
      e.preventDefault();
      dropped.current = true;
      if (key === from.from) return;
      if (manual) onMove(from, key);
      else onRefused();
    },
    [manual, onMove, onRefused],
  );

  const actions = useMemo<BoardDragActions>(
    () => ({ manual, startDrag, endDrag, dragOverColumn, dropOnColumn }),
    [manual, startDrag, endDrag, dragOverColumn, dropOnColumn],
  );
  const state = useMemo<BoardDragState>(() => ({ dragging, overKey }), [dragging, overKey]);
  return (
    <ActionsContext.Provider value={actions}>
      <StateContext.Provider value={state}>{children}</StateContext.Provider>
    </ActionsContext.Provider>
  );
}
