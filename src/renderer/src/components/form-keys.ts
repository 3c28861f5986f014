import type { KeyboardEvent } from 'react';

/**
 * Keyboard behaviour of an edit form: Enter submits (a select with its list closed submits by itself),
 * Ctrl/⌘+Enter submits from a textarea, Escape cancels. Enter while an input method is composing (pinyin) is left alone.
 */
export function formKeyHandler(onCancel: () => void) {
  return (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.nativeEvent.isComposing) return;
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key !== 'Enter') return;
    if (target instanceof HTMLTextAreaElement && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };
}
