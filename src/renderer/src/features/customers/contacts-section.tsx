import { Button } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, CustomerDetail } from '../../../../shared/domain/customer';
import { useNotices } from '../../app/notice-context';
import { useConfirm } from '../../components/use-confirm';
import { call } from '../../lib/ipc';
import { ContactForm } from './contact-form';
import { ContactLinks } from './contact-links';

/** Which contact form is open: none, a new contact, or the contact with this id. */
export type ContactEditing = null | 'new' | number;

interface Props {
  customer: CustomerDetail;
  editing: ContactEditing;
  /** Another form in the panel is open: contacts cannot be changed meanwhile. */
  locked: boolean;
  onEdit: (target: ContactEditing) => void;
  /** Cancel or Escape in a contact form (the panel asks about unsaved changes). */
  onCancelEdit: () => void;
  /** A contact form saved. */
  onEditDone: () => void;
  onDirtyChange: (dirty: boolean) => void;
}

/** The customer's contacts, with add, change and remove (after a confirmation). */
export function ContactsSection({ customer, editing, locked, onEdit, onCancelEdit, onEditDone, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const notices = useNotices();
  const headingId = useId();
  const { confirm, confirmDialog } = useConfirm();

  const remove = async (contact: Contact) => {
    const name = contact.name || t('detail.unnamedContact');
    const ok = await confirm({
      title: t('detail.removeTitle'),
      body: t('detail.removeBody', { name, company: customer.company }),
      confirmLabel: t('detail.remove'),
      cancelLabel: t('common.cancel'),
      destructive: true,
    });
    if (!ok) return;
    try {
      await call('contacts.remove', { id: contact.id });
      // Undo adds the same contact back (a new record with the same details).
      const { id: _id, customerId, createdAt: _c, updatedAt: _u, ...details } = contact;
      notices.announce(t('detail.contactRemoved', { name, company: customer.company }), {
        label: t('common.undo'),
        run: async () => {
          await call('contacts.add', { customerId, contact: details });
        },
      });
    } catch (err) {
      notices.showError(err);
    }
  };

  const busy = locked || editing !== null;
  return (
    <section className="detail-section" aria-labelledby={headingId}>
      <div className="section-header">
        <h3 id={headingId}>{t('detail.contacts')}</h3>
        <Button size="small" onClick={() => onEdit('new')} disabled={busy}>
          {t('detail.addContact')}
        </Button>
      </div>
      {editing === 'new' ? (
        <ContactForm customerId={customer.id} contact={null} onDone={onEditDone} onCancel={onCancelEdit} onDirtyChange={onDirtyChange} />
      ) : null}
      {customer.contacts.length === 0 && editing !== 'new' ? <p className="muted">{t('detail.noContacts')}</p> : null}
      <ul className="contact-list">
        {customer.contacts.map((c) => {
          const name = c.name || t('detail.unnamedContact');
          return (
            <li key={c.id} className="contact-item">
              {editing === c.id ? (
                <ContactForm
                  customerId={customer.id}
                  contact={c}
                  onDone={onEditDone}
                  onCancel={onCancelEdit}
                  onDirtyChange={onDirtyChange}
                />
              ) : (
                <>
                  <div className="contact-head">
                    <span className="contact-name">{name}</span>
                    {c.title ? <span className="muted"> · {c.title}</span> : null}
                    {c.isPrimary ? <span className="badge">{t('detail.primary')}</span> : null}
                  </div>
                  <ContactLinks contact={c} />
                  <div className="contact-actions">
                    <Button
                      size="small"
                      aria-label={t('detail.editContact', { name })}
                      title={t('detail.editContact', { name })}
                      onClick={() => onEdit(c.id)}
                      disabled={busy}
                    >
                      <span aria-hidden="true">✎</span>
                    </Button>
                    <Button
                      danger
                      size="small"
                      aria-label={t('detail.removeContact', { name })}
                      title={t('detail.removeContact', { name })}
                      onClick={() => void remove(c)}
                      disabled={busy}
                    >
                      <span aria-hidden="true">✕</span>
                    </Button>
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {confirmDialog}
    </section>
  );
}
