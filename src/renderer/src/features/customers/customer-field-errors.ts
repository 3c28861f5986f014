import type { TFunction } from 'i18next';
import { fieldProblemText } from '../../i18n/error-text';
import { fieldProblems } from '../../lib/invalid-fields';
import type { IpcError } from '../../lib/ipc';
import { EMPTY_CUSTOMER_VALUES, type CustomerFormValues } from './customer-form-values';

export type CustomerFieldErrors = Partial<Record<keyof CustomerFormValues, string>>;
export type FirstContactErrors = Partial<Record<'name' | 'email' | 'phone', string>>;

function isCustomerField(key: string): key is keyof CustomerFormValues {
  return Object.prototype.hasOwnProperty.call(EMPTY_CUSTOMER_VALUES, key);
}

/**
 * Places the engine's INVALID_INPUT problems next to the form's fields. `prefix` is where the fields
 * sit in the call's input ("patch." for customers.update); "contacts.0.x" goes to the first contact.
 */
export function customerFieldErrors(
  t: TFunction,
  error: IpcError | null,
  prefix = '',
): { fields: CustomerFieldErrors; contact: FirstContactErrors } {
  const fields: CustomerFieldErrors = {};
  const contact: FirstContactErrors = {};
  for (const [path, problem] of Object.entries(fieldProblems(error, prefix))) {
    const [head = '', , sub = ''] = path.split('.');
    if (isCustomerField(head)) fields[head] ??= fieldProblemText(t, path, problem);
    else if (head === 'contacts' && (sub === 'name' || sub === 'email' || sub === 'phone'))
      contact[sub] ??= fieldProblemText(t, path, problem);
  }
  return { fields, contact };
}
