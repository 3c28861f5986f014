import { Button } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices } from '../../app/notice-context';
import { call } from '../../lib/ipc';
import { regionName } from '../../i18n/region-names';
import type { Preview } from './import-types';

export type PossibleDuplicate = Preview['possibleDuplicates'][number];

interface PreviewListProps {
  items: readonly PossibleDuplicate[];
  accepted: ReadonlySet<string>;
  onToggle: (item: PossibleDuplicate, merge: boolean) => void;
}

const countryText = (country: string, lang: string) => (/^[A-Z]{2}$/.test(country) ? regionName(country, lang) : country);

/**
 * In the preview: companies alike only by name (the legal form written otherwise, nothing else in
 * common). They stay apart unless ticked here; untouched, they are listed afterwards too.
 */
export function PossibleDuplicateChoices({ items, accepted, onToggle }: PreviewListProps) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  if (items.length === 0) return null;
  return (
    <section className="preview-section" aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        {t('import.possible.title')}
      </h3>
      <p className="muted">{t('import.possible.hint')}</p>
      <ul className="merge-list">
        {items.map((p) => (
          <PossibleItem key={p.key} item={p} checked={accepted.has(p.key)} onToggle={onToggle} lang={i18n.language} />
        ))}
      </ul>
    </section>
  );
}

function PossibleItem({
  item,
  checked,
  onToggle,
  lang,
}: {
  item: PossibleDuplicate;
  checked: boolean;
  onToggle: PreviewListProps['onToggle'];
  lang: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <li className="merge-item">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-detail`}
        onChange={(e) => onToggle(item, e.target.checked)}
      />
      <label htmlFor={id}>{t('import.possible.label', { company: item.company, other: item.other.company })}</label>
      <span id={`${id}-detail`} className="muted merge-detail">
        {[countryText(item.country, lang), t(item.other.kind === 'existing' ? 'import.possible.existing' : 'import.possible.inFile')]
          .filter(Boolean)
          .join(lang === 'zh-CN' ? '；' : '; ')}
      </span>
    </li>
  );
}

/** The open possible duplicates in the book, each merged (into the older customer, which keeps its name) or kept apart. */
export function PossibleDuplicatesList() {
  const { t, i18n } = useTranslation();
  const notices = useNotices();
  const titleId = useId();
  const list = useQuery({ queryKey: ['duplicates'], queryFn: () => call('duplicates.list', {}) });
  const resolve = useMutation({
    mutationFn: (input: { id: number; action: 'merge' | 'distinct' }) =>
      call('duplicates.resolve', input.action === 'merge' ? { id: input.id, action: 'merge', keep: 'other' } : input),
    onSuccess: (r) => notices.announce(t(r.action === 'merge' ? 'import.possible.merged' : 'import.possible.keptApart')),
    onError: (err) => notices.showError(err),
  });
  const pairs = list.data?.pairs ?? [];
  if (pairs.length === 0) return null;
  const side = (s: (typeof pairs)[number]['customer']) =>
    [s.company, countryText(s.country, i18n.language), s.emails.join(', ')].filter(Boolean).join(' · ');
  return (
    <section className="import-history possible-duplicates" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        {t('import.possible.listTitle', { count: list.data?.total ?? pairs.length })}
      </h2>
      <p className="muted">{t('import.possible.listHint')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('import.possible.imported')}</th>
            <th scope="col">{t('import.possible.resembles')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('import.possible.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={p.id}>
              <td>{side(p.customer)}</td>
              <td>{side(p.other)}</td>
              <td className="row-actions">
                {(['merge', 'distinct'] as const).map((action) => (
                  <Button
                    size="small"
                    key={action}
                    disabled={resolve.isPending}
                    aria-label={t(action === 'merge' ? 'import.possible.mergeAria' : 'import.possible.keepAria', {
                      company: p.customer.company,
                      other: p.other.company,
                    })}
                    onClick={() => resolve.mutate({ id: p.id, action })}
                  >
                    {t(action === 'merge' ? 'import.possible.merge' : 'import.possible.keep')}
                  </Button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
