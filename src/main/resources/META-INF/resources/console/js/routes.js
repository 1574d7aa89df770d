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
  operatorInvoices,
  operatorInvoice,
  jobs,
];
