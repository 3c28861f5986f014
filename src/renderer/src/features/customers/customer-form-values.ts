import type { CustomerCreateInput, CustomerDetail, CustomerPatch } from '../../../../shared/domain/customer';
import { BUSINESS_TYPES, LIFECYCLE_STAGES, PRIORITIES, SCALES } from '../../../../shared/domain/customer-enums';

/** A customer form's state: every field as the text the user edits. */
export interface CustomerFormValues {
  company: string;
  country: string;
  city: string;
  website: string;
  industry: string;
  businessType: string;
  scale: string;
  source: string;
  owner: string;
  lifecycleOverride: string;
  priority: string;
  /** A potential score set by hand, 0–100; '' = the computed score. */
  potentialOverride: string;
  tags: string;
  notes: string;
}

export const EMPTY_CUSTOMER_VALUES: CustomerFormValues = {
  company: '',
  country: '',
  city: '',
  website: '',
  industry: '',
  businessType: '',
  scale: '',
  source: '',
  owner: '',
  lifecycleOverride: '',
  priority: '',
  potentialOverride: '',
  tags: '',
  notes: '',
};

export function valuesFromDetail(d: CustomerDetail): CustomerFormValues {
  return {
    company: d.company,
    country: d.country,
    city: d.city,
    website: d.website,
    industry: d.industry,
    businessType: d.businessType,
    scale: d.scale,
    source: d.source,
    owner: d.owner,
    lifecycleOverride: d.lifecycleOverride ?? '',
    priority: d.priority ?? '',
    potentialOverride: d.classes.potentialOverridden ? String(d.classes.potential) : '',
    tags: d.tags.join(', '),
    notes: d.notes,
  };
}

/** Tags typed with ASCII or Chinese commas (or semicolons), trimmed, without blanks or repeats. */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,，、;；]/)) {
    const tag = part.trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

function oneOf<T extends string>(list: readonly T[], value: string): T | '' {
  return (list as readonly string[]).includes(value) ? (value as T) : '';
}

function oneOfOrNull<T extends string>(list: readonly T[], value: string): T | null {
  return (list as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * A potential score as typed: a whole number 0–100, null when empty (the computed score), or
 * undefined when it is not one (the form says so before saving).
 */
export function parsePotential(text: string): number | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  if (!/^\d{1,3}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 100 ? n : undefined;
}

/** The fields as the engine takes them (customers.create / customers.update patch). */
export function toCustomerFields(v: CustomerFormValues): Required<CustomerPatch> {
  return {
    company: v.company.trim(),
    country: v.country.trim().toUpperCase(),
    city: v.city.trim(),
    website: v.website.trim(),
    industry: v.industry.trim(),
    businessType: oneOf(BUSINESS_TYPES, v.businessType),
    scale: oneOf(SCALES, v.scale),
    source: v.source.trim(),
    owner: v.owner.trim(),
    lifecycleOverride: oneOfOrNull(LIFECYCLE_STAGES, v.lifecycleOverride),
    priority: oneOfOrNull(PRIORITIES, v.priority),
    // An invalid entry never gets here: the form checks it first (parsePotential).
    potentialOverride: parsePotential(v.potentialOverride) ?? null,
    tags: splitTags(v.tags),
    notes: v.notes.trim(),
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Only the fields that differ from the saved customer: the patch for customers.update. */
export function customerPatch(values: CustomerFormValues, saved: CustomerDetail): CustomerPatch {
  const next = toCustomerFields(values);
  const before = toCustomerFields(valuesFromDetail(saved));
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (!sameValue(next[key], before[key])) patch[key] = next[key];
  }
  return patch as CustomerPatch;
}

export function createInput(values: CustomerFormValues, contact: { name: string; email: string; phone: string }): CustomerCreateInput {
  const hasContact = Boolean(contact.name.trim() || contact.email.trim() || contact.phone.trim());
  return {
    ...toCustomerFields(values),
    contacts: hasContact ? [{ name: contact.name.trim(), email: contact.email.trim(), phone: contact.phone.trim(), isPrimary: true }] : [],
  };
}
