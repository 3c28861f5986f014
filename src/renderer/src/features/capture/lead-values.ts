import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { LeadRating } from '../../../../shared/domain/capture';
import type { CardPhoto } from './card-photo-field';

/** What the quick-capture form holds for one visitor. */
export interface LeadValues {
  company: string;
  name: string;
  /** The chosen country's ISO code ('' while none is chosen). */
  country: string;
  email: string;
  phone: string;
  whatsapp: string;
  wechat: string;
  productInterest: string;
  rating: LeadRating;
  note: string;
  card: CardPhoto | null;
}

export const EMPTY_LEAD: LeadValues = {
  company: '',
  name: '',
  country: '',
  email: '',
  phone: '',
  whatsapp: '',
  wechat: '',
  productInterest: '',
  rating: 'warm',
  note: '',
  card: null,
};

/** True when the visitor's details have anything typed (the rating alone does not count). */
export function hasLeadInput(v: LeadValues): boolean {
  return Boolean(
    v.company.trim() ||
    v.name.trim() ||
    v.country ||
    v.email.trim() ||
    v.phone.trim() ||
    v.whatsapp.trim() ||
    v.wechat.trim() ||
    v.productInterest.trim() ||
    v.note.trim() ||
    v.card,
  );
}

/** What the duplicate check looks at. */
export function duplicateQuery(v: LeadValues): { company: string; country: string; email: string; phone: string } {
  // A visitor who gives only a WhatsApp number is matched by it like a phone.
  return { company: v.company.trim(), country: v.country, email: v.email.trim(), phone: v.phone.trim() || v.whatsapp.trim() };
}

/** Worth asking the engine about: a few letters of a name, an e-mail with its @, or most of a phone number. */
export function worthChecking(q: ReturnType<typeof duplicateQuery>): boolean {
  return [...q.company].length >= 3 || q.email.includes('@') || q.phone.replace(/\D/g, '').length >= 7;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
export const plausibleEmail = (email: string) => email.trim() === '' || EMAIL.test(email.trim());

export function saveInput(
  v: LeadValues,
  extra: { owner: string; fair: string; timeZone: string; addToCustomerId: number | null },
): ChannelInput<'capture.save'> {
  return {
    company: v.company,
    name: v.name,
    country: v.country,
    email: v.email,
    phone: v.phone,
    whatsapp: v.whatsapp,
    wechat: v.wechat,
    productInterest: v.productInterest,
    rating: v.rating,
    note: v.note,
    card: v.card ? { fileName: v.card.fileName, contentBase64: v.card.contentBase64 } : null,
    ...extra,
  };
}
