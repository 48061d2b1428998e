import type { zhCN } from './zh-CN';

export const en: typeof zhCN = {
  globalSearch: {
    placeholder: 'Search customers, contacts, opportunities, B/L or container no.',
    label: 'Global search',
    hint: 'Ctrl K',
    empty: 'Nothing found for “{{term}}”',
    searching: 'Searching…',
    more: 'See all in the list',
    kinds: {
      customer: 'Customers',
      contact: 'Contacts',
      opportunity: 'Opportunities',
      shipment: 'Shipments',
    },
  },
};
