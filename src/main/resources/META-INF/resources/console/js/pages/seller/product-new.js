// A new product: what the API needs at least (type, category, name, summary, description and one or two
// specifications with a price). It is saved as a draft; "My products" submits it for review.
import { get, post } from '../../api.js';
import { title, form, mount } from '../../ui.js';

const TYPES = [['SAAS', 'SaaS'], ['IMAGE', 'Image'], ['LICENSE', 'License'], ['PROFESSIONAL_SERVICE', 'Professional service'],
  ['CONSULTING_SERVICE', 'Consulting service'], ['CONTENT_SERVICE', 'Content service'], ['HARDWARE', 'Hardware']];
const MODELS = [['FLAT', 'Flat (one unit price)'], ['LINEAR', 'Linear (price per unit)']];
const MODES = [['MONTHLY', 'Monthly'], ['YEARLY', 'Yearly'], ['ONE_TIME', 'One time'], ['PAY_PER_USE', 'Pay per use (hourly, images)']];

function spec(i, required) {
  const p = `specifications[${i}]`;
  return {
    legend: `Specification ${i + 1}${required ? '' : ' (optional)'}`,
    fields: [
      { name: `${p}.name`, label: 'Name', required },
      { name: `${p}.pricingModel`, label: 'Pricing model', type: 'select', options: MODELS },
      { name: `${p}.unit`, label: 'Unit (e.g. user)' },
      { name: `${p}.prices[0].billingMode`, label: 'Billing', type: 'select', options: MODES },
      { name: `${p}.prices[0].unitPrice`, label: 'Unit price', type: 'number', min: 0, step: '0.01', required,
        problemFields: [`${p}.prices`, `${p}.prices[0]`] },
    ],
  };
}

export default {
  path: '/seller/products/new',
  title: 'New product',
  section: 'seller-products',
  roles: ['seller'],
  async render(container, params, { navigate }) {
    const categories = await get('/api/catalog/categories');
    mount(container, title('New product'), form({
      id: 'product',
      submit: 'Save as draft',
      fields: [
        { name: 'type', label: 'Type', type: 'select', options: TYPES, required: true },
        { name: 'categoryCode', label: 'Category', type: 'select', required: true,
          options: categories.map((c) => [c.code, c.grouping ? `${c.grouping} · ${c.name}` : c.name]) },
        { name: 'name', label: 'Name', required: true },
        { name: 'summary', label: 'Summary', required: true },
        { name: 'description', label: 'Description', type: 'textarea', required: true },
        { name: 'securityGroups', label: 'Recommended security groups (images; comma-separated)',
          help: 'For example web-80-443' },
        { name: 'requestTemplate', label: 'Request template (SaaS and services: what the buyer tells you)', type: 'textarea',
          help: 'Professional and consulting services are always delivered through service supervision' },
        { name: 'supervised', label: 'SaaS: deliver through service supervision', type: 'checkbox' },
        spec(0, true),
        spec(1, false),
      ],
      async onSubmit(values) {
        const specifications = [0, 1].map((i) => {
          const p = `specifications[${i}]`;
          if (i > 0 && !values[`${p}.name`] && values[`${p}.prices[0].unitPrice`] === undefined) return null;
          return {
            name: values[`${p}.name`],
            pricingModel: values[`${p}.pricingModel`],
            unit: values[`${p}.unit`],
            prices: [{ billingMode: values[`${p}.prices[0].billingMode`], unitPrice: values[`${p}.prices[0].unitPrice`] }],
          };
        }).filter(Boolean);
        await post('/api/seller/products', {
          type: values.type, categoryCode: values.categoryCode, name: values.name, summary: values.summary,
          description: values.description, specifications,
          requestTemplate: values.requestTemplate,
          supervised: values.type === 'SAAS' ? values.supervised : undefined,
          securityGroups: values.securityGroups ? values.securityGroups.split(',').map((g) => g.trim()).filter(Boolean) : undefined,
        });
        navigate('/seller/products');
      },
    }));
  },
};
