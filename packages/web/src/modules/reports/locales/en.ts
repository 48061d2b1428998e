import type { zhCN } from './zh-CN';

export const en: typeof zhCN = {
  shipmentReport: {
    title: 'Shipments report',
    intro:
      "Volume, revenue and gross profit of the shipments of customers you may see, by departure day (ETD); amounts are converted into the report's currency at the rate of each shipment's departure day (or the last day before it with a rate).",
    groupBy: 'Group by',
    groups: { month: 'Month', customer: 'Customer', lane: 'Lane' },
    period: 'Departure (ETD)',
    mode: 'Mode',
    allModes: 'All modes',
    currency: 'Currency',
    defaultCurrency: "Organisation's currency",
    metric: 'Chart',
    metrics: { shipments: 'Shipments', teu: 'TEU', revenue: 'Revenue', grossProfit: 'Gross profit' },
    columns: {
      group: 'Group',
      shipments: 'Shipments',
      teu: 'TEU',
      cbm: 'Volume (CBM)',
      kg: 'Gross weight (kg)',
      revenue: 'Revenue',
      cost: 'Cost',
      grossProfit: 'Gross profit',
      margin: 'Margin',
    },
    total: 'Total',
    noCustomer: 'No customer matched',
    moneyHidden: "{{count}} shipments' amounts are not yours to see and are left out of revenue and profit.",
    moneyNotShown: 'You may not see amounts: volume only.',
    showShipments: 'Show shipments',
    top: 'Top {{count}}',
    empty: 'No shipments in this period',
  },
  nav: { shipmentReport: 'Shipments report' },
};
