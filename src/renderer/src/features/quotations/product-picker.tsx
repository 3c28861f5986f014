import { AutoComplete } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotableProduct } from '../../../../shared/domain/quotations';
import { popupContainer } from '../../components/modal-dialog';
import { call } from '../../lib/ipc';
import { quotationKeys } from './quotation-keys';

interface Props {
  onPick: (product: QuotableProduct) => void;
  disabled?: boolean;
}

/** Finds a catalogue product by SKU or name as it is typed (↓/↑ and Enter pick one); the pick adds a line. */
export function ProductPicker({ onPick, disabled }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = text.trim();
  const found = useQuery({
    queryKey: quotationKeys.products(query),
    queryFn: () => call('quotations.products', { query, limit: 20 }),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
  const products = found.data ?? [];
  const [open, setOpen] = useState(false);
  // Enter with the list closed picks nothing and does not save the form from the search box.
  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter' && !open) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  return (
    <div className="quotation-product-picker" onKeyDownCapture={onKeyDownCapture}>
      <AutoComplete
        className="quotation-product-search"
        value={text}
        disabled={disabled}
        placeholder={t('quotations.editor.productSearch')}
        aria-label={t('quotations.editor.productSearch')}
        notFoundContent={query ? t('quotations.editor.noProducts') : undefined}
        options={products.map((p) => ({
          value: String(p.id),
          label: `${p.sku} · ${[p.nameEn, p.nameZh].filter(Boolean).join(' / ')}`,
        }))}
        onChange={(v) => setText(v)}
        onSelect={(v: string) => {
          const p = products.find((x) => String(x.id) === v);
          setText('');
          if (p) onPick(p);
        }}
        onOpenChange={setOpen}
        // The engine finds the products (SKU, English or Chinese name); the list shows them all.
        showSearch={{ filterOption: false }}
        defaultActiveFirstOption
        virtual={false}
        getPopupContainer={popupContainer}
      />
    </div>
  );
}
