import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VALUE_TIERS } from '../../../../shared/domain/classification-enums';
import type { GlobalSearchResult } from '../../../../shared/domain/search';
import { ModalDialog } from '../../components/modal-dialog';
import { formatDate } from '../../i18n/format-date';
import { regionName } from '../../i18n/region-names';
import { formatMoney } from '../../lib/money-format';
import { Highlight } from './highlight';
import { SEARCH_GROUPS, searchEntries, type SearchEntry, type SearchGroup } from './search-entries';
import { useGlobalSearch } from './use-global-search';

/**
 * The search palette: a combobox over a grouped listbox (customers, contacts, inquiries, orders),
 * results as you type. ↑/↓ move, Enter opens the customer of the active row, Esc closes and gives
 * focus back to where it was.
 */
export function GlobalSearchDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { result, pending, now } = useGlobalSearch(text);
  const entries = useMemo(() => (result ? searchEntries(result) : []), [result]);
  const [active, setActive] = useState(0);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const optionId = (i: number) => `${listId}-option-${i}`;

  // New results: the first row is active again.
  const [shownEntries, setShownEntries] = useState(entries);
  if (shownEntries !== entries) {
    setShownEntries(entries);
    setActive(0);
  }
  useEffect(() => {
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: 'nearest' });
  });

  const go = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    onClose();
    window.location.hash = entry.href;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = entries.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const typed = text.trim();
      if (!typed) return;
      // Enter before the answer for what is typed arrived: ask now and open the best match.
      if (result?.query.trim() !== typed) void now().then((fresh) => go(searchEntries(fresh)[0]));
      else go(entries[active]);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      input.current?.select();
    }
  };

  const typed = text.trim();
  const status = !typed
    ? t('search.hint')
    : !result || (pending && entries.length === 0)
      ? t('search.searching')
      : entries.length === 0
        ? t('search.none', { query: typed })
        : t('search.count', { count: entries.filter((e) => e.group !== 'all').length });

  return (
    <ModalDialog title={t('search.title')} onRequestClose={onClose} size="wide" top className="global-search">
      <input
        ref={input}
        className="global-search-input"
        type="text"
        role="combobox"
        aria-label={t('search.label')}
        aria-autocomplete="list"
        aria-expanded={entries.length > 0}
        aria-controls={listId}
        aria-activedescendant={entries.length ? optionId(active) : undefined}
        aria-busy={pending}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        data-autofocus
      />
      <p className="global-search-status muted" aria-live="polite">
        {status}
      </p>
      <div id={listId} role="listbox" aria-label={t('search.results')} className="global-search-results">
        {result
          ? [...SEARCH_GROUPS, 'all' as const].map((group) => {
              const rows = entries.map((entry, i) => ({ entry, i })).filter((r) => r.entry.group === group);
              if (!rows.length) return null;
              const options = rows.map(({ entry, i }) => (
                <div
                  key={entry.key}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className="global-search-option"
                  onMouseMove={() => setActive(i)}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => go(entry)}
                >
                  <EntryContent entry={entry} term={result.query} />
                </div>
              ));
              return group === 'all' ? (
                <div key={group} role="group" aria-label={t('search.groups.all')} className="global-search-group">
                  {options}
                </div>
              ) : (
                <GroupBlock key={group} group={group} result={result}>
                  {options}
                </GroupBlock>
              );
            })
          : null}
      </div>
      <p className="global-search-keys muted">
        <kbd>↑</kbd>
        <kbd>↓</kbd> {t('search.keys.move')} · <kbd>Enter</kbd> {t('search.keys.open')} · <kbd>Esc</kbd> {t('search.keys.close')}
      </p>
    </ModalDialog>
  );
}

function GroupBlock({ group, result, children }: { group: SearchGroup; result: GlobalSearchResult; children: ReactNode }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId} className="global-search-group">
      <div id={headingId} role="presentation" className="global-search-heading">
        {t(`search.groups.${group}`)}
        {result[group].more ? <span className="global-search-more">{t('search.more', { count: result[group].items.length })}</span> : null}
      </div>
      {children}
    </div>
  );
}

const isTier = (tier: string) => (VALUE_TIERS as readonly string[]).includes(tier);

function EntryContent({ entry, term }: { entry: SearchEntry; term: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const archived =
    'hit' in entry && 'archived' in entry.hit && entry.hit.archived ? (
      <span className="badge global-search-archived">{t('search.archived')}</span>
    ) : null;
  const meta = (...parts: (string | ReactNode)[]) => (
    <span className="global-search-meta">
      {parts
        .filter((p) => p !== '' && p !== null)
        .map((p, i) => (
          <span key={i}>{p}</span>
        ))}
    </span>
  );
  switch (entry.group) {
    case 'countries': {
      const c = entry.hit;
      return (
        <>
          <span className="global-search-main">
            <span className="global-search-text">
              <Highlight text={regionName(c.code, lang)} term={term} />
            </span>
          </span>
          {meta(t('search.countryCustomers', { count: c.customers }))}
        </>
      );
    }
    case 'customers': {
      const c = entry.hit;
      return (
        <>
          <span className="global-search-main">
            <span className="global-search-text">
              <Highlight text={c.company} term={term} />
            </span>
            {archived}
          </span>
          {meta(c.country ? regionName(c.country, lang) : '', c.owner, isTier(c.valueTier) ? t('search.tier', { tier: c.valueTier }) : '')}
        </>
      );
    }
    case 'contacts': {
      const c = entry.hit;
      const shown = c.matchedField === 'name' ? c.email || c.phone : c.matchedText;
      return (
        <>
          <span className="global-search-main">
            <span className="global-search-text">
              <Highlight text={c.name || c.email || c.matchedText} term={term} />
            </span>
            {archived}
          </span>
          {meta(shown && shown !== (c.name || c.email) ? <Highlight text={shown} term={term} /> : '', c.company)}
        </>
      );
    }
    case 'inquiries': {
      const q = entry.hit;
      return (
        <>
          <span className="global-search-main">
            <span className="global-search-text">
              {t('search.inquiry')} <Highlight text={q.externalId} term={term} />
            </span>
            {archived}
          </span>
          {meta(q.company, formatDate(q.receivedAt, lang), q.subject || q.product)}
        </>
      );
    }
    case 'orders': {
      const o = entry.hit;
      return (
        <>
          <span className="global-search-main">
            <span className="global-search-text">
              {t('search.order')} <Highlight text={o.externalNo} term={term} />
            </span>
            {archived}
          </span>
          {meta(o.company, formatDate(o.orderedAt, lang), formatMoney(o.amountMinor, o.currency, lang), o.product)}
        </>
      );
    }
    case 'all':
      return (
        <span className="global-search-main">
          <span className="global-search-text">{t('search.showAll', { query: entry.query })}</span>
        </span>
      );
  }
}
