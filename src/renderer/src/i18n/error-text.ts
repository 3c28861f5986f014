import type { TFunction } from 'i18next';
import { invalidFields, type InvalidField } from '../lib/invalid-fields';
import type { IpcError } from '../lib/ipc';
import { en } from './en';

type FieldKey = keyof typeof en.fields;
type ContactFieldKey = keyof typeof en.contactFields;

function isFieldKey(key: string): key is FieldKey {
  return Object.prototype.hasOwnProperty.call(en.fields, key);
}

function isContactFieldKey(key: string): key is ContactFieldKey {
  return Object.prototype.hasOwnProperty.call(en.contactFields, key);
}

/** A readable label for an input path such as "company", "patch.country" or "contacts.0.email". */
export function fieldLabel(t: TFunction, path: string): string {
  const segments = path.split('.');
  const last = segments[segments.length - 1] ?? path;
  const aboutContact = segments.some((s) => s === 'contact' || s === 'contacts');
  if (aboutContact && isContactFieldKey(last)) return t(`contactFields.${last}`);
  if (isFieldKey(last)) return t(`fields.${last}`);
  if (isContactFieldKey(last)) return t(`contactFields.${last}`);
  return path;
}

/** The localized text of an error; INVALID_INPUT lists the offending field paths. */
export function errorText(t: TFunction, error: IpcError): string {
  const base = t(`errors.${error.code}`);
  const invalid = invalidFields(error);
  if (invalid.length === 0) return base;
  const list = invalid.map((f) => `${fieldLabel(t, f.path)} (${f.path || '—'})`).join(', ');
  return `${base} ${t('errors.fields', { fields: list })}`;
}

/** The localized message shown next to one field for an engine-reported problem. */
export function fieldProblemText(t: TFunction, path: string, problem: InvalidField): string {
  const m = problem.message.toLowerCase();
  if (path.endsWith('email')) return t('fieldErrors.email');
  if (path.endsWith('country')) return t('fieldErrors.country');
  if (m.includes('required') || m.includes('too small')) return t('fieldErrors.required');
  if (m.includes('too big') || m.includes('too long')) return t('fieldErrors.tooLong');
  return t('fieldErrors.invalid');
}
