export const zhCN = {
  globalSearch: {
    placeholder: '搜索客户、联系人、商机、提单号、箱号',
    label: '全局搜索',
    hint: 'Ctrl K',
    empty: '没有找到“{{term}}”',
    searching: '搜索中…',
    more: '在列表中查看全部',
    kinds: {
      customer: '客户',
      contact: '联系人',
      opportunity: '商机',
      shipment: '运单',
    },
  },
};
