/** What other features use of the recommendations: the customer panel's "Products to offer" and a product's likely buyers. */
export { RecommendedProductsSection } from './recommended-products-section';
export { LikelyBuyersDialog } from './likely-buyers-dialog';
