import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';

/** A phone number as a tel: link and WhatsApp take it: + and digits only ('' when too short to dial). */
export function dialable(phone: string): string {
  const plus = phone.trim().startsWith('+') ? '+' : '';
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 5 ? plus + digits : '';
}

type Channel = 'email' | 'phone' | 'mobile' | 'whatsapp' | 'wechat' | 'skype';

/** Where a link opens the channel (mail, the phone app, WhatsApp), or null (WeChat and Skype: copy only). */
function hrefFor(channel: Channel, value: string): string | null {
  if (channel === 'email') return `mailto:${value}`;
  const number = dialable(value);
  if (!number) return null;
  if (channel === 'phone' || channel === 'mobile') return `tel:${number}`;
  if (channel === 'whatsapp') return `https://wa.me/${number.replace('+', '')}`;
  return null;
}

/**
 * One contact's ways to reach them, each a link that opens the right app (mail, phone, WhatsApp)
 * and a copy button: what a salesperson does with a contact most.
 */
export function ContactLinks({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const notices = useNotices();
  const name = contact.name || t('detail.unnamedContact');
  const rows: { channel: Channel; value: string }[] = (
    [
      ['email', contact.email],
      ['phone', contact.phone],
      ['mobile', contact.mobile],
      ['whatsapp', contact.whatsapp],
      ['wechat', contact.wechat],
      ['skype', contact.skype],
    ] as const
  )
    .filter(([, value]) => value.trim() !== '')
    .map(([channel, value]) => ({ channel, value }));
  if (rows.length === 0) return null;

  const copy = async (channel: Channel, value: string) => {
    try {
      await navigator.clipboard.writeText(value);
      notices.announce(t('detail.copied', { what: t(`contactFields.${channel}`), value }));
    } catch (err) {
      notices.showError(err);
    }
  };

  return (
    <ul className="contact-links">
      {rows.map(({ channel, value }) => {
        const href = hrefFor(channel, value);
        const label = t(`contactFields.${channel}`);
        return (
          <li key={channel} className="contact-link">
            <span className="contact-link-label">{label}</span>
            {href ? (
              <a
                href={href}
                target="_blank"
                rel="noreferrer"
                aria-label={t('detail.reach', { channel: label, name, value })}
                className="contact-link-value"
              >
                {value}
              </a>
            ) : (
              <span className="contact-link-value">{value}</span>
            )}
            <Button
              size="small"
              className="contact-copy"
              aria-label={t('detail.copy', { what: label, name })}
              title={t('detail.copy', { what: label, name })}
              onClick={() => void copy(channel, value)}
            >
              {t('detail.copyShort')}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
