// Every page of the console, in menu order. A page module exports default
//   { path: '/seller/products/:id', title: 'Product', roles: ['seller'], nav: 'My products' (menu entry, optional),
//     section: 'seller-products' (highlights that menu entry on sub-pages), home: ['customer'] (the start page of these roles),
//     render(container, params, {me, navigate}) }
// and is added to this list; nothing else is needed.
import catalogSearch from './pages/buyer/search.js';
import productDetails from './pages/buyer/product.js';
import account from './pages/buyer/account.js';
import orders from './pages/buyer/orders.js';
import order from './pages/buyer/order.js';
import apps from './pages/buyer/apps.js';
import app from './pages/buyer/app.js';
// buyer: favorites, exclusive offers and milestone bills, invoices, pay-per-use charges, the inbox
import favorites from './pages/buyer/favorites.js';
import favorite from './pages/buyer/favorite.js';
import offers from './pages/buyer/offers.js';
import offer from './pages/buyer/offer.js';
import milestoneBills from './pages/buyer/milestone-bills.js';
import invoices from './pages/buyer/invoices.js';
import invoice from './pages/buyer/invoice.js';
import charges from './pages/buyer/charges.js';
import inbox from './pages/buyer/inbox.js';
import sellerProfile from './pages/seller/profile.js';
import sellerProducts from './pages/seller/products.js';
import sellerProductNew from './pages/seller/product-new.js';
import review from './pages/operator/review.js';
import accounts from './pages/operator/accounts.js';
// service supervision (buyer, seller, operator) and the seller's products, orders, private offers and apps sold
import buyerFlows from './pages/supervision/buyer-flows.js';
import buyerFlow from './pages/supervision/buyer-flow.js';
import sellerFlows from './pages/supervision/seller-flows.js';
import sellerFlow from './pages/supervision/seller-flow.js';
import appeals from './pages/supervision/operator-appeals.js';
import appeal from './pages/supervision/operator-appeal.js';
import sellerProduct from './pages/seller/product.js';
import sellerOrders from './pages/seller/orders.js';
import sellerOrder from './pages/seller/order.js';
import sellerOfferNew from './pages/seller/offer-new.js';
import sellerOffers from './pages/seller/offers.js';
import sellerOffer from './pages/seller/offer.js';
import sellerApps from './pages/seller/apps.js';
import sellerApp from './pages/seller/app.js';
// operator: invoices, job runs
import operatorInvoices from './pages/operator/invoices.js';
import operatorInvoice from './pages/operator/invoice.js';
import jobs from './pages/operator/jobs.js';

export default [
  catalogSearch,
  productDetails,
  orders,
  order,
  apps,
  app,
  account,
  favorites,
  favorite,
  offers,
  offer,
  milestoneBills,
  invoices,
  invoice,
  charges,
  inbox,
  sellerProducts,
  sellerProductNew,
  sellerProfile,
  review,
  accounts,
  // service supervision and the seller's pages (sub-pages such as /new before /:id)
  buyerFlows,
  buyerFlow,
  sellerProduct,
  sellerOrders,
  sellerOrder,
  sellerFlows,
  sellerFlow,
  sellerOffers,
  sellerOfferNew,
  sellerOffer,
  sellerApps,
  sellerApp,
  appeals,
  appeal,
  operatorInvoices,
  operatorInvoice,
  jobs,
];
