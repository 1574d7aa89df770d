// The seller's public contact (shown on every product page): company, service e-mail and phone, support hours.
import { get, put } from '../../api.js';
import { h, mount, title, form, notice } from '../../ui.js';

const page = {
  path: '/seller/profile',
  title: 'Seller profile',
  nav: 'Seller profile',
  roles: ['seller'],
  async render(container, params, ctx) {
    let profile = {};
    try {
      profile = await get('/api/seller/profile');
    } catch (e) {
      if (e.status !== 404) throw e;
    }
    const status = h('div', { 'aria-live': 'polite' });
    mount(container, title('Seller profile'), status, form({
      id: 'seller-profile',
      submit: 'Save profile',
      fields: [
        { name: 'companyName', label: 'Company name', required: true, value: profile.companyName },
        { name: 'serviceEmail', label: 'Service e-mail', type: 'email', required: true, value: profile.serviceEmail },
        { name: 'servicePhone', label: 'Service phone', type: 'tel', required: true, value: profile.servicePhone },
        { name: 'supportRange', label: 'Support hours and channels', type: 'textarea', required: true, value: profile.supportRange },
      ],
      async onSubmit(values) {
        profile = await put('/api/seller/profile', { ...values, version: profile.version });
        await page.render(container, params, ctx);
        container.querySelector('h1').after(notice('Profile saved.'));
      },
    }));
  },
};
export default page;
