import type { Contact, ContactInput } from '../../../../shared/domain/customer';

/** The contact fields the panel edits. */
export interface ContactFormValues {
  name: string;
  title: string;
  email: string;
  phone: string;
  mobile: string;
  whatsapp: string;
  wechat: string;
  isPrimary: boolean;
}

export const EMPTY_CONTACT_VALUES: ContactFormValues = {
  name: '',
  title: '',
  email: '',
  phone: '',
  mobile: '',
  whatsapp: '',
  wechat: '',
  isPrimary: false,
};

export function contactValues(c: Contact): ContactFormValues {
  return {
    name: c.name,
    title: c.title,
    email: c.email,
    phone: c.phone,
    mobile: c.mobile,
    whatsapp: c.whatsapp,
    wechat: c.wechat,
    isPrimary: c.isPrimary,
  };
}

export function toContactInput(v: ContactFormValues): ContactInput {
  return {
    name: v.name.trim(),
    title: v.title.trim(),
    email: v.email.trim(),
    phone: v.phone.trim(),
    mobile: v.mobile.trim(),
    whatsapp: v.whatsapp.trim(),
    wechat: v.wechat.trim(),
    isPrimary: v.isPrimary,
  };
}

/**
 * Every contact field for contacts.update: the form's values over the saved contact's (skype and
 * language are not in the form). Sent whole because the engine's partial schema fills absent
 * fields with their defaults, so a diff would blank the fields it leaves out.
 */
export function fullContactUpdate(v: ContactFormValues, saved: Contact): Required<ContactInput> {
  return { ...toContactInput(v), skype: saved.skype, language: saved.language } as Required<ContactInput>;
}

/** What changed (used to tell whether the form is dirty). */
export function contactPatch(v: ContactFormValues, saved: Contact): Partial<ContactInput> {
  const next = toContactInput(v);
  const before = toContactInput(contactValues(saved));
  const out: Partial<ContactInput> = {};
  for (const key of Object.keys(next) as (keyof ContactInput)[]) {
    if (next[key] !== before[key]) Object.assign(out, { [key]: next[key] });
  }
  return out;
}
