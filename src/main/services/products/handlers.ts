import type { HandlersOf } from '../../engine/handler-types';
import { customerProducts } from './customer-products';
import { exportProducts } from './export-products';
import {
  clearProductPhoto,
  createProduct,
  getProduct,
  listProducts,
  productPhoto,
  setProductArchived,
  setProductPhoto,
  updateProduct,
} from './products';

/** The engine's handlers for the products.* channels: each calls the service beside it. */
export const productsHandlers = {
  'products.list': (rt, input) => listProducts(rt.ctx, input),
  'products.get': (rt, input) => getProduct(rt.ctx, input.id),
  'products.create': (rt, input) => createProduct(rt.ctx, input),
  'products.update': (rt, input) => updateProduct(rt.ctx, input),
  'products.setArchived': (rt, input) => setProductArchived(rt.ctx, input),
  'products.setPhoto': (rt, input) => setProductPhoto(rt.ctx, input),
  'products.clearPhoto': (rt, input) => clearProductPhoto(rt.ctx, input),
  'products.photo': (rt, input) => productPhoto(rt.ctx, input.id),
  'products.ofCustomer': (rt, input) => customerProducts(rt.ctx, input.customerId),
  'products.export': (rt, input) => exportProducts(rt.ctx, input),
} satisfies HandlersOf<'products'>;
