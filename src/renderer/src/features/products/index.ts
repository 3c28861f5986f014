/** What other features use of the catalogue: its page, and the customer panel's "Products asked for / bought". */
export { ProductsPage } from './products-page';
export { CustomerProductsSection } from './customer-products-section';
