import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PRODUCT_PHOTO_BYTES, PRODUCT_PHOTO_MIMES, type Product } from '../../../../shared/domain/products';
import { errorText } from '../../i18n/error-text';
import { bytesToBase64 } from '../../lib/base64';
import { call, IpcError, toIpcError } from '../../lib/ipc';
import { productKeys } from './use-products';

interface Props {
  product: Product;
  /** The product after its photo changed (a new version). */
  onChanged: (product: Product) => void;
}

/** A product's photo in its form: the thumbnail, Choose photo (JPEG, PNG or WebP up to 2 MB), Remove photo. */
export function ProductPhoto({ product, onChanged }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const photo = useQuery({
    queryKey: ['products', 'photo', product.id, product.version],
    queryFn: () => call('products.photo', { id: product.id }),
    enabled: product.hasPhoto,
  });

  const write = async (run: () => Promise<Product>) => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await run());
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
    } catch (err) {
      setError(errorText(t, toIpcError(err)));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (file: File) => {
    if (file.size > MAX_PRODUCT_PHOTO_BYTES) {
      setError(errorText(t, new IpcError({ code: 'PRODUCT_PHOTO_TOO_LARGE', message: `${file.size} bytes` })));
      return;
    }
    const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    await write(() => call('products.setPhoto', { id: product.id, version: product.version, contentBase64 }));
  };

  const src = product.hasPhoto && photo.data ? `data:${photo.data.mime};base64,${photo.data.contentBase64}` : null;
  return (
    <div className="product-photo">
      {src ? <img className="product-photo-thumb" src={src} alt={t('products.photo.alt', { sku: product.sku })} /> : null}
      <input
        ref={input}
        type="file"
        hidden
        accept={PRODUCT_PHOTO_MIMES.join(',')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void choose(file);
        }}
      />
      <Button disabled={busy} onClick={() => input.current?.click()}>
        {t(product.hasPhoto ? 'products.photo.replace' : 'products.photo.choose')}
      </Button>
      {product.hasPhoto ? (
        <Button disabled={busy} onClick={() => void write(() => call('products.clearPhoto', { id: product.id, version: product.version }))}>
          {t('products.photo.remove')}
        </Button>
      ) : null}
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
