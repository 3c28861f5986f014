import type { HandlersOf } from '../../engine/handler-types';
import { bulkCustomers } from './bulk';
import { buyerZone } from './buyer-zone';
import { addContact, removeContact, updateContact } from './contacts';
import { listCustomerIds } from './customer-ids';
import { archiveCustomers, createCustomer, customerFacets, getCustomer, listCustomers, updateCustomer } from './customers';
import { fixUnrecognisedCountry, listPossibleDuplicates, resolvePossibleDuplicate, unrecognisedCountries } from './duplicates';

/** The engine's handlers for the contacts.*, customers.*, duplicates.* channels: each calls the service beside it. */
export const customersHandlers = {
  'customers.list': (rt, input) => listCustomers(rt.ctx, input),
  'customers.ids': (rt, input) => listCustomerIds(rt.ctx, input),
  'customers.bulk': (rt, input) => bulkCustomers(rt.ctx, input),
  'customers.facets': (rt, input) => customerFacets(rt.ctx, input),
  'customers.get': (rt, input) => getCustomer(rt.ctx, input.id),
  'customers.buyerTime': (rt, input) => buyerZone(input.country, input.city, rt.ctx.now().getTime()),
  'customers.create': (rt, input) => createCustomer(rt.ctx, input),
  'customers.update': (rt, input) => updateCustomer(rt.ctx, input.id, input.version, input.patch),
  'customers.archive': (rt, input) => archiveCustomers(rt.ctx, input.ids, input.archived),
  'customers.fixCountry': (rt, input) => fixUnrecognisedCountry(rt.ctx, input),
  'customers.unrecognisedCountries': (rt) => unrecognisedCountries(rt.ctx),
  'duplicates.list': (rt, input) => listPossibleDuplicates(rt.ctx, input),
  'duplicates.resolve': (rt, input) => resolvePossibleDuplicate(rt.ctx, input),
  'contacts.add': (rt, input) => addContact(rt.ctx, input.customerId, input.contact),
  'contacts.update': (rt, input) => updateContact(rt.ctx, input.id, input.contact),
  'contacts.remove': (rt, input) => removeContact(rt.ctx, input.id),
} satisfies HandlersOf<'contacts' | 'customers' | 'duplicates'>;
