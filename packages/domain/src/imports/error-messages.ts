import { defineErrorMessages } from '../platform/error-messages';

/** Stable codes of file imports (the file, the mapping, each row), with a message for every UI language. */
export const importErrors = defineErrorMessages(['import'], {
  'import.file_required': { en: 'Choose a CSV or .xlsx file.', 'zh-CN': '请选择 CSV 或 .xlsx 文件。' },
  'import.file_unreadable': {
    en: 'The file could not be read. Save it again as CSV (UTF-8) or .xlsx and retry.',
    'zh-CN': '无法读取该文件，请重新另存为 CSV（UTF-8）或 .xlsx 文件后再试。',
  },
  'import.file_type': {
    en: 'Only .csv, .txt and .xlsx files can be imported. Save an .xls workbook as .xlsx first.',
    'zh-CN': '只能导入 .csv、.txt 或 .xlsx 文件。.xls 工作簿请先另存为 .xlsx。',
  },
  'import.mapping_invalid': {
    en: 'The column mapping must be a JSON object from column header to a known field name.',
    'zh-CN': '列映射须为 JSON 对象：源列名 → 已知字段名。',
  },
  'import.mapping_needs_name': {
    en: 'No column is mapped to the customer name.',
    'zh-CN': '没有任何列对应到客户名称。',
  },
  'import.spreadsheet_too_large': {
    en: 'This .xlsx file holds too much once unpacked (over 32 MB of text, 512 MB in all or 5 million cells). Split it into smaller files or save it as CSV.',
    'zh-CN':
      '该 .xlsx 文件解压后内容过大（文本超过 32 MB、总计超过 512 MB 或超过 500 万个单元格），请拆分成较小的文件或另存为 CSV 后再导入。',
  },
  'import.mapping_needs_customer': {
    en: 'No column is mapped to the customer (customer code, credit code or customer name).',
    'zh-CN': '没有任何列对应到所属客户（客户编码、统一社会信用代码或客户名称）。',
  },
  'import.mapping_needs_reference': {
    en: 'No column is mapped to the shipment reference (external id, booking number or B/L number).',
    'zh-CN': '没有任何列对应到货物的业务编号（外部编号、订舱号或提单号）。',
  },
  'import.mapping_needs_mode': {
    en: 'No column is mapped to the transport mode.',
    'zh-CN': '没有任何列对应到运输方式。',
  },
  'import.mapping_needs_rate': {
    en: 'Map a column to each of base currency, quote currency, rate and date.',
    'zh-CN': '请为基准币种、报价币种、汇率和日期各指定一列。',
  },
  'import.shipment_reference_required': {
    en: 'Give the shipment its reference: an external id, booking number or B/L number.',
    'zh-CN': '请填写货物的业务编号、订舱号或提单号。',
  },
  'import.number_invalid': {
    en: 'Not a number. Write it with digits and a decimal point, e.g. 1234.50.',
    'zh-CN': '不是有效的数字，请写成 1234.50 这样的格式。',
  },
  'import.container_invalid': {
    en: 'Write each container as its number and type, e.g. MSKU1234565 40HQ; several separated by semicolons.',
    'zh-CN': '每个集装箱请写成“箱号 箱型”，如 MSKU1234565 40HQ，多个之间用分号隔开。',
  },
  'import.customer_required': {
    en: 'Give the customer of this contact: its customer code, credit code or exact name.',
    'zh-CN': '请填写联系人所属客户：客户编码、统一社会信用代码或完整的客户名称。',
  },
  'import.customer_not_found': {
    en: 'No customer you may add contacts to has this code, credit code or name.',
    'zh-CN': '找不到该客户，或您无权为该客户添加联系人。',
  },
  'import.customer_ambiguous': {
    en: 'Several customers have this name; give the customer code or credit code instead.',
    'zh-CN': '有多个客户同名，请改填客户编码或统一社会信用代码。',
  },
  'import.match_not_updatable': {
    en: 'This record exists already and you may not change it, so the row was not imported.',
    'zh-CN': '该记录已存在，但您无权修改它，此行未导入。',
  },
  'import.boolean_invalid': {
    en: 'Write yes or no (also accepted: Y/N, true/false, 1/0 and the Chinese words for yes and no).',
    'zh-CN': '请填写“是”或“否”（也可写 yes/no、Y/N、true/false、1/0）。',
  },
  'import.date_invalid': {
    en: 'Not a date. Write it as 1990-05-01 or 1990/5/1 (the Chinese year-month-day form works too).',
    'zh-CN': '无法识别的日期，请写成 1990-05-01、1990/5/1 或 1990年5月1日。',
  },
});
