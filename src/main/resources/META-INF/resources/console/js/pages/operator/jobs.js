// Job runs: every scheduled job with its schedule and its last run (when, outcome, rows moved, error, duration);
// any job can be run now.
import { get, post } from '../../api.js';
import { h, mount, date, title, table, action } from '../../ui.js';

const page = {
  path: '/operator/jobs',
  title: 'Job runs',
  nav: 'Job runs',
  roles: ['operator'],
  async render(container, params, ctx) {
    const jobs = await get('/api/operator/jobs');
    mount(container, title('Job runs'),
      h('p', { class: 'muted' }, 'Each job with its last run on any replica, scheduled or run here.'),
      table([
        { label: 'Job', value: (j) => h('code', {}, j.name) },
        { label: 'Schedule', value: (j) => j.schedule || 'on demand only' },
        { label: 'Last run', value: (j) => date(j.lastRunAt) },
        { label: 'Outcome', value: (j) => j.lastOutcome || '–' },
        { label: 'Rows moved', num: true, value: (j) => (j.lastMoved ?? '–').toString() },
        { label: 'Took', num: true, value: (j) => (j.lastDurationMs !== undefined && j.lastDurationMs !== null ? `${j.lastDurationMs} ms` : '–') },
        { label: 'Error', value: (j) => j.lastError || '' },
        { label: 'Run', value: (j) => action('Run now', async () => {
          const run = await post(`/api/operator/jobs/${encodeURIComponent(j.name)}/run`);
          await page.render(container, params, ctx);
          container.prepend(h('div', { class: 'notice', role: 'status', id: 'job-ran' },
            `${run.job} ran at ${date(run.ranAt)}: ${run.moved} row(s) moved.`));
        }, { 'aria-label': `Run ${j.name} now` }) },
      ], jobs, { id: 'jobs', empty: 'No jobs.' }));
  },
};
export default page;
